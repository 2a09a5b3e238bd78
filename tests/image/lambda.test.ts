/**
 * The image on the Lambda target: its default entry point and CMD `lambda.handler` behind a Runtime
 * API, fed API Gateway HTTP API events by the rehearsal's front, with the function's environment
 * from the synthesized template.
 */
import pg from 'pg';
import type { Rehearsal } from '../../container/rehearse/rehearsal';
import { requiredCloudKeys } from '../../functions/api/config';
import { ApiClient } from '../support/client';
import { healthAfterS3Stops } from './support/health';
import { runJourney } from './support/journey';
import { getEvent, rehearse } from './support/rehearsal';

jest.setTimeout(120_000);

let rehearsal: Rehearsal;
let output: string[];
beforeAll(async () => {
  ({ rehearsal, output } = await rehearse('lambda'));
}, 240_000);
afterAll(async () => {
  await rehearsal?.stop();
});

async function outbox(): Promise<{ type: string; published: boolean; payload: { assessmentId?: string } }[]> {
  const client = new pg.Client({ connectionString: rehearsal.db.adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      'select type, published_at is not null as published, payload from outbox',
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('The image on Lambda (npm run rehearse -- --target lambda)', () => {
  it('when the migrate handler ran in the image at start, then the database holds every table', async () => {
    const client = new pg.Client({ connectionString: rehearsal.db.adminUrl });
    await client.connect();
    const { rows } = await client.query(
      "select table_name from information_schema.tables where table_schema = 'public'",
    );
    await client.end();
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'users',
        'assessments',
        'assessment_responses',
        'documents',
        'sessions',
        'outbox',
      ]),
    );
    expect(rehearsal.db.tlsVerified).toBe(true);
  });

  it('when an execution environment starts as Lambda starts it (its own uid, read-only root), then it reads the compile cache the image wrote', async () => {
    expect((await new ApiClient(rehearsal.url).get('/api/questionnaire')).status).toBe(200);
    const notices = output.filter((l) => l.includes('"message":"compile cache'));
    expect(notices.length).toBeGreaterThan(0);
    for (const line of notices) {
      expect(JSON.parse(line.slice(line.indexOf('{')))).toMatchObject({
        message: 'compile cache',
        compileCache: {
          state: 'shipped',
          directory: expect.stringMatching(/^\/tmp\/scalemap-compile-cache\//),
        },
      });
    }
  });

  it('when a user walks the whole journey while EventBridge fails, then the assessment is scored and the event waits in the outbox', async () => {
    rehearsal.eventBridge.failing = true;
    const journey = await runJourney(rehearsal.url, 'image-lambda');
    rehearsal.eventBridge.failing = false;
    expect(journey.submit.status).toBe(200);
    expect(journey.submit.body.status).toBe('submitted');
    expect(journey.submit.body.triageResults.domainScores).toHaveLength(12);
    expect(journey.detail.body.documents.map((d) => d.status)).toEqual(['uploaded', 'uploaded', 'uploaded']);
    const rows = await outbox();
    expect(rows).toEqual([expect.objectContaining({ type: 'assessment.submitted', published: false })]);
    expect(rows[0]!.payload.assessmentId).toBe(journey.assessmentId);
  });

  it('when relay.handler runs in the image, then it publishes the waiting outbox row to EventBridge', async () => {
    const { result } = await rehearsal.invoke('relay.handler', {});
    expect(result).toEqual({ kind: 'response', payload: { published: 1, failed: 0 } });
    expect(rehearsal.eventBridge.entries).toEqual([
      expect.objectContaining({ DetailType: 'assessment.submitted', Source: 'scalemap.api' }),
    ]);
    expect(await outbox()).toEqual([expect.objectContaining({ published: true })]);
  });

  it('when an unknown API route is asked for, then the answer is a 404 problem+json, not HTML', async () => {
    const res = await new ApiClient(rehearsal.url).get<{ status: number; title: string }>(
      '/api/no-such-route',
    );
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(404);
  });

  it('when the client is loaded through the front, then index.html and its hashed assets are served, and deep links get index.html', async () => {
    const html = await (await fetch(`${rehearsal.url}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    for (const asset of assets) {
      const res = await fetch(`${rehearsal.url}${asset}`);
      expect([asset, res.status]).toEqual([asset, 200]);
    }
    const deep = await fetch(`${rehearsal.url}/assessments/some-id/results`);
    expect(await deep.text()).toBe(html);
  });

  it.each(requiredCloudKeys.filter((k) => k !== 'AWS_REGION'))(
    'when %s is missing from the function environment, then the init fails through /init/error naming it',
    async (key) => {
      expect(Object.keys(rehearsalTemplateEnv())).toContain(key);
      const { result } = await rehearsal.invoke('lambda.handler', getEvent('/api/health'), (env) => {
        const { [key]: _dropped, ...rest } = env;
        return rest;
      });
      expect(result.kind).toBe('init-error');
      expect(result.kind === 'init-error' && result.payload.errorMessage).toContain(key);
    },
  );

  it('when the image does not trust the database certificate, then the db check fails: TLS is verified in the image', async () => {
    const { result } = await rehearsal.invoke('lambda.handler', getEvent('/api/health'), (env) => {
      const { NODE_EXTRA_CA_CERTS: _ca, ...rest } = env;
      return rest;
    });
    expect(result.kind).toBe('response');
    const payload = (result as { payload: { statusCode: number; body: string } }).payload;
    expect(payload.statusCode).toBe(503);
    expect(JSON.parse(payload.body).services).toEqual({ db: 'down', s3: 'up', cognito: 'up' });
  });

  it('when /api/health is asked, then 200; when the S3 stand-in stops, then 503 naming s3', async () => {
    const { before, after } = await healthAfterS3Stops(rehearsal.url, () => rehearsal.s3.stop());
    expect(before.status).toBe(200);
    expect(before.body.services).toEqual({ db: 'up', s3: 'up', cognito: 'up' });
    expect(after.status).toBe(503);
    expect(after.body).toEqual(
      expect.objectContaining({ status: 'unhealthy', services: { db: 'up', s3: 'down', cognito: 'up' } }),
    );
    expect(output.join('\n')).not.toMatch(/"level":"ERROR".*password/i);
  });
});

function rehearsalTemplateEnv(): Record<string, unknown> {
  const fn = rehearsal?.assembly.functions.find((f) => f.handler === 'lambda.handler');
  return fn?.environment ?? {};
}
