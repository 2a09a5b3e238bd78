import { createHmac } from 'node:crypto';
import { loadConfig } from '../../../functions/api/config';
import { createStorage, PRESIGN_SECONDS } from '../../../functions/api/platform/storage/storage';

/** Fixed credentials passed to the client, as the local profile passes the stand-in's. */
const SECRET = 'presigner-test-secret';
const config = loadConfig(
  'local',
  {
    S3_ENDPOINT: 'http://127.0.0.1:9',
    S3_FORCE_PATH_STYLE: 'true',
    DOCUMENTS_BUCKET: 'docs-bucket',
    AWS_REGION: 'eu-west-2',
  },
  {},
);
const storage = createStorage(config, {
  credentials: { accessKeyId: 'presigner-test', secretAccessKey: SECRET },
});
const KEY =
  'assessments/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222/board-pack.pdf';
const NOW = new Date();

type Condition = unknown[] | Record<string, string>;
interface Policy {
  expiration: string;
  conditions: Condition[];
}
const decodePolicy = (policy: string) => JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as Policy;
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

describe('createStorage(config).createUploadSlot', () => {
  let slot: Awaited<ReturnType<typeof storage.createUploadSlot>>;
  let policy: Policy;
  beforeAll(async () => {
    slot = await storage.createUploadSlot(KEY, 'application/pdf', 12_345, NOW);
    policy = decodePolicy(slot.fields.Policy!);
  });

  it('when a slot is made, then it is a POST to the bucket with the key and content type as form fields', () => {
    expect(slot.method).toBe('POST');
    expect(slot.url).toBe('http://127.0.0.1:9/docs-bucket');
    expect(slot.fields).toMatchObject({ key: KEY, 'Content-Type': 'application/pdf' });
    expect(Date.parse(slot.expiresAt) - NOW.getTime()).toBe(PRESIGN_SECONDS * 1000);
  });

  it('when the policy is decoded, then it caps the size to [1, announced size] and pins the content type and key', () => {
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 12_345]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'application/pdf']);
    expect(policy.conditions).toContainEqual({ key: KEY });
    expect(policy.conditions).toContainEqual({ bucket: 'docs-bucket' });
    // No condition loosens the key or the type (a starts-with would let a browser pick another).
    expect(JSON.stringify(policy.conditions)).not.toMatch(/starts-with/);
  });

  it('when the policy is decoded, then it expires within the presign window', () => {
    const expires = Date.parse(policy.expiration);
    expect(expires).toBeGreaterThan(NOW.getTime());
    expect(expires).toBeLessThanOrEqual(NOW.getTime() + (PRESIGN_SECONDS + 1) * 1000);
  });

  it('when the signature is recomputed over the policy with SigV4, then it matches (the conditions are signed)', () => {
    const credential = slot.fields['X-Amz-Credential']!;
    const [, date, region, service, terminator] = credential.split('/');
    expect([region, service, terminator]).toEqual(['eu-west-2', 's3', 'aws4_request']);
    expect(slot.fields['X-Amz-Algorithm']).toBe('AWS4-HMAC-SHA256');
    const signingKey = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, date!), region!), service!), terminator!);
    const expected = createHmac('sha256', signingKey).update(slot.fields.Policy!).digest('hex');
    expect(slot.fields['X-Amz-Signature']).toBe(expected);
    // A policy with a looser size limit would not carry this signature.
    const loosened = Buffer.from(
      JSON.stringify({
        ...policy,
        conditions: policy.conditions.map((c) =>
          Array.isArray(c) && c[0] === 'content-length-range' ? ['content-length-range', 1, 1e9] : c,
        ),
      }),
    ).toString('base64');
    expect(createHmac('sha256', signingKey).update(loosened).digest('hex')).not.toBe(expected);
  });

  it('when a slot is made, then no checksum field or condition appears anywhere', async () => {
    const text = JSON.stringify({ url: slot.url, fields: slot.fields, policy });
    expect(text).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum|checksum/i);
    const big = await storage.createUploadSlot(KEY, 'text/csv', 25 * 1024 * 1024, NOW);
    expect(decodePolicy(big.fields.Policy!).conditions).toContainEqual([
      'content-length-range',
      1,
      25 * 1024 * 1024,
    ]);
    expect(decodePolicy(big.fields.Policy!).conditions).toContainEqual(['eq', '$Content-Type', 'text/csv']);
  });
});

describe('createStorage(config).downloadUrl', () => {
  it('when a download URL is made, then it is a short-lived GET for the key, served as an attachment, with no checksum parameters', async () => {
    const { url, expiresAt } = await storage.downloadUrl(KEY, 'Board pack "Q3".pdf', NOW);
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe(`http://127.0.0.1:9/docs-bucket/${KEY}`);
    const params = Object.fromEntries(parsed.searchParams);
    expect(params['X-Amz-Expires']).toBe(String(PRESIGN_SECONDS));
    expect(params['X-Amz-SignedHeaders']).toBe('host');
    expect(params['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(params['response-content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('Board pack "Q3".pdf')}`,
    );
    for (const name of parsed.searchParams.keys()) expect(name.toLowerCase()).not.toMatch(/checksum/);
    expect(Date.parse(expiresAt) - NOW.getTime()).toBe(PRESIGN_SECONDS * 1000);
  });
});
