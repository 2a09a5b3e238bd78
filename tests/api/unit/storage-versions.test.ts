import { createHash, createHmac } from 'node:crypto';
import { STAND_IN_CREDENTIALS } from '../../../container/stand-ins/env';
import { loadConfig } from '../../../functions/api/config';
import { createStorage } from '../../../functions/api/platform/storage/storage';
import { startVersionedS3, type VersionedS3 } from '../../support/versioned-s3';

/**
 * The storage layer's side of frozen evidence, against a store that keeps versions: `head` reports
 * the version, `read` and `downloadUrl` pin it, `remove` deletes it for good. On real S3 the same
 * requests carry `versionId`; what S3 then does with it is AWS's, not provable here.
 */
let s3: VersionedS3;
const KEY = 'assessments/a/b/board-pack.pdf';

beforeAll(async () => {
  s3 = await startVersionedS3('docs-bucket');
});
afterAll(() => s3?.stop());

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** Recomputes a presigned GET's SigV4 signature over every query parameter but the signature. */
function recomputeSignature(url: URL): string {
  const raw = url.search.slice(1).split('&');
  const query = raw.filter((p) => !p.startsWith('X-Amz-Signature=')).sort();
  const canonical = [
    'GET',
    url.pathname,
    query.join('&'),
    `host:${url.host}`,
    '',
    'host',
    'UNSIGNED-PAYLOAD',
  ];
  const date = url.searchParams.get('X-Amz-Date')!;
  const scope = url.searchParams.get('X-Amz-Credential')!.split('/').slice(1).join('/');
  const toSign = [
    'AWS4-HMAC-SHA256',
    date,
    scope,
    createHash('sha256').update(canonical.join('\n')).digest('hex'),
  ].join('\n');
  const [day, region, service] = scope.split('/');
  const key = hmac(hmac(hmac(hmac('AWS4S3RVER', day!), region!), service!), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

function storageFor(endpoint: string) {
  const config = loadConfig(
    'local',
    { S3_ENDPOINT: endpoint, S3_FORCE_PATH_STYLE: 'true', DOCUMENTS_BUCKET: 'docs-bucket' },
    {},
  );
  // The versioned stand-in checks signatures with s3rver's key pair, as the local profile passes it.
  return createStorage(config, { credentials: STAND_IN_CREDENTIALS });
}

async function put(storage: ReturnType<typeof storageFor>, text: string) {
  const slot = await storage.createUploadSlot(KEY, 'application/pdf', 100, new Date());
  const form = new FormData();
  for (const [k, v] of Object.entries(slot.fields)) form.append(k, v);
  form.append('file', new Blob([text], { type: 'application/pdf' }));
  expect((await fetch(slot.url, { method: 'POST', body: form })).status).toBe(204);
}

describe('createStorage(config) on a versioned bucket', () => {
  it('when an object is overwritten, then head reports the new version and read(key, old) returns the old bytes', async () => {
    const storage = storageFor(s3.endpoint);
    await put(storage, '%PDF-first');
    const first = await storage.head(KEY);
    await put(storage, '%PDF-other');
    const second = await storage.head(KEY);
    expect(first?.versionId).toEqual(s3.versions(KEY)[0]!.versionId);
    expect(second?.versionId).not.toBe(first?.versionId);
    const chunks: Uint8Array[] = [];
    for await (const c of (await storage.read(KEY, first!.versionId))!) chunks.push(c);
    expect(Buffer.concat(chunks).toString()).toBe('%PDF-first');
  });

  it('when a download is presigned for a version, then the signed URL names that version and fetches it', async () => {
    const storage = storageFor(s3.endpoint);
    const { versionId } = s3.versions(KEY)[0]!;
    const { url } = await storage.downloadUrl(KEY, 'board-pack.pdf', new Date(), versionId);
    const parsed = new URL(url);
    expect(parsed.searchParams.get('versionId')).toBe(versionId);
    // The version is part of the signed request: the signature only matches with it included.
    expect(recomputeSignature(parsed)).toBe(parsed.searchParams.get('X-Amz-Signature'));
    const swapped = new URL(url);
    swapped.searchParams.set('versionId', 'another-version');
    expect(recomputeSignature(swapped)).not.toBe(parsed.searchParams.get('X-Amz-Signature'));
    expect(await (await fetch(url)).text()).toBe('%PDF-first');
  });

  it('when a download is presigned without a version, then the URL names none (a store that keeps no versions)', async () => {
    const { url } = await storageFor(s3.endpoint).downloadUrl(KEY, 'board-pack.pdf', new Date());
    expect(new URL(url).searchParams.has('versionId')).toBe(false);
  });

  it('when a version is removed, then it is gone for good and the key reads as deleted', async () => {
    const storage = storageFor(s3.endpoint);
    const { versionId } = s3.versions(KEY)[0]!;
    await storage.remove(KEY, versionId);
    expect(s3.versions(KEY).map((v) => v.versionId)).not.toContain(versionId);
    expect(await storage.head(KEY)).toBeNull();
    expect(await storage.read(KEY, versionId)).toBeNull();
  });
});
