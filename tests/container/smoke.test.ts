/**
 * Container smoke test, without a Docker engine: the runtime stage's task root is assembled from
 * dist/runtime exactly as container/runtime-manifest.json (and so the Dockerfile) says, with no
 * node_modules, and every entry is started from there on Node 24 with NODE_ENV=production and a
 * clean environment: real PostgreSQL, and the S3/Cognito stand-ins started here.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { type CognitoStandIn, startCognito } from '../../container/stand-ins/cognito';
import { standInEnv } from '../../container/stand-ins/env';
import { type S3StandIn, startS3 } from '../../container/stand-ins/s3';
import { requiredCloudKeys } from '../../functions/api/config';
import { readManifest } from '../../scripts/build';
import { ApiClient, PASSWORD, register } from '../support/client';
import { albEvent, fromLambda, v1Event, v2Event } from './support/events';
import { type RealPostgres, realPostgres } from './support/postgres';
import {
  assembleTaskRoot,
  ensureRuntime,
  LAMBDA_HOST,
  type LambdaHost,
  LOCAL_SERVER_ENV,
  paperCloudEnvFor,
  type RunningServer,
  runNode,
  startLambdaHost,
  startServer,
} from './support/runtime';

const manifest = readManifest();
const ORIGIN = 'https://app.scalemap.example';

const paperCloudEnv = paperCloudEnvFor(ORIGIN);

let task: { dir: string; remove(): void };

beforeAll(async () => {
  task = assembleTaskRoot(await ensureRuntime());
}, 120_000);

afterAll(() => task?.remove());

describe('the assembled task root', () => {
  it('when assembled per the manifest, then it holds the four entries and migrations, and no node_modules', () => {
    expect(readdirSync(task.dir).sort()).toEqual([...manifest.files].sort());
    // Everything is bundled: the task root has no node_modules unless the manifest declares some.
    expect(existsSync(path.join(task.dir, 'node_modules'))).toBe(manifest.productionNodeModules.length > 0);
    expect(manifest.productionNodeModules).toEqual([]);
    expect(readdirSync(path.join(task.dir, 'migrations')).some((f) => f.endsWith('.sql'))).toBe(true);
  });
});

describe('an entry started with a required variable missing', () => {
  // Each entry gets a different missing key, so together they cover every required one.
  const cases = requiredCloudKeys.map((key, i) => ({
    key,
    entry: manifest.entries[i % manifest.entries.length]!,
  }));

  it.each(cases)(
    'when $entry.out starts without $key, then it exits non-zero naming it instead of waiting',
    async ({ key, entry }) => {
      const { [key]: _removed, ...env } = paperCloudEnv;
      const [file, exportName] = (entry.handler ?? '').split('.');
      const args =
        entry.kind === 'server' ? [entry.out] : ['--no-warnings', LAMBDA_HOST, `${file}.js`, exportName!];
      const exit = await runNode(args, env, task.dir);
      expect(exit.code).not.toBe(0);
      expect(exit.code).not.toBeNull();
      // Not a speed target (bench/ measures start-up): a guard that it exits at once instead of
      // waiting on a connection, generous enough for a loaded CI machine.
      expect(exit.ms).toBeLessThan(15_000);
      expect(exit.stderr).toContain(key);
    },
  );
});

// The bundles speak to PostgreSQL through `pg`; PGlite cannot stand in for it here.
const canReachPostgres = !!process.env.DATABASE_URL || existsSync('/usr/lib/postgresql');
const withPostgres = canReachPostgres ? describe : describe.skip;
if (!canReachPostgres) {
  console.warn('Container smoke: skipped the runtime round trips: set DATABASE_URL or install PostgreSQL.');
}

withPostgres('the entries, against real PostgreSQL and the stand-ins', () => {
  let pg: RealPostgres | undefined;
  let database: { url: string; drop(): Promise<void> };
  let s3: S3StandIn;
  let cognito: CognitoStandIn;
  let dir: string;
  let env: Record<string, string>;
  let server: RunningServer | undefined;
  let lambda: LambdaHost | undefined;

  beforeAll(async () => {
    pg = await realPostgres();
    if (!pg) throw new Error('Container smoke: no PostgreSQL (DATABASE_URL unset and no throwaway cluster).');
    dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-smoke-'));
    const bucket = 'scalemap-smoke';
    [database, s3, cognito] = await Promise.all([
      pg.createDatabase(),
      startS3({ dataDir: path.join(dir, 's3'), bucket, allowedOrigins: [ORIGIN] }),
      startCognito({ dataDir: path.join(dir, 'cognito') }),
    ]);
    // Exactly what config needs, nothing inherited from this process.
    env = {
      ...LOCAL_SERVER_ENV,
      DATABASE_URL: database.url,
      // The local server has no TLS; in the cloud DB_TLS stays `verify`.
      DB_TLS: 'off',
      ...standInEnv(s3, cognito),
      EVENT_BUS_NAME: 'scalemap-smoke',
      ALLOWED_ORIGINS: ORIGIN,
    };
  }, 60_000);

  afterAll(async () => {
    server?.kill();
    await lambda?.stop();
    await Promise.allSettled([s3?.stop(), cognito?.stop()]);
    await database?.drop();
    await pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('when migrate.js runs twice, then it applies every migration once', async () => {
    const migrate = await startLambdaHost(path.join(task.dir, 'migrate.js'), env);
    try {
      expect(await migrate.invoke({})).toMatchObject({ migrated: true });
      expect(await migrate.invoke({})).toMatchObject({ migrated: true });
    } finally {
      await migrate.stop();
    }
    const sqlFiles = readdirSync(path.join(task.dir, 'migrations')).filter((f) => f.endsWith('.sql'));
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    await client.end();
    expect(rows[0].n).toBe(sqlFiles.length);
  });

  it('when server.js runs, then health is 200 and register → login → create assessment works', async () => {
    server = await startServer(task.dir, env);
    const client = new ApiClient(server.url, { origin: ORIGIN });
    const health = await client.get<{ status: string; services: Record<string, string> }>('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'healthy', services: { db: 'up', s3: 'up', cognito: 'up' } });

    const email = `smoke-server-${Date.now()}@example.com`;
    const reg = await register(client, email, { companyName: 'Acme' });
    expect(reg.status).toBe(201);
    expect((await client.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
    const created = await client.post<{ status: string }>('/api/assessments', {});
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
  });

  it('when lambda.js is invoked with v2, v1 and ALB events, then each answers in its own shape', async () => {
    lambda = await startLambdaHost(path.join(task.dir, 'lambda.js'), env);
    const json = { 'content-type': 'application/json', origin: ORIGIN };
    const email = `smoke-lambda-${Date.now()}@example.com`;

    const health = await lambda.invoke<{ statusCode: number; body: string; headers: object }>(
      v2Event({ method: 'GET', path: '/api/health' }),
    );
    expect(health.statusCode).toBe(200);
    expect(health.headers).toBeDefined();
    expect(JSON.parse(health.body)).toMatchObject({ status: 'healthy' });

    const reg = await lambda.invoke<{ statusCode: number; multiValueHeaders: object }>(
      v1Event({
        method: 'POST',
        path: '/api/auth/register',
        headers: json,
        body: JSON.stringify({ email, password: PASSWORD, companyName: 'Acme', industry: 'Software' }),
      }),
    );
    expect(reg.statusCode).toBe(201);
    expect(reg.multiValueHeaders).toBeDefined();

    const login = await lambda.invoke(
      albEvent({
        method: 'POST',
        path: '/api/auth/login',
        headers: json,
        body: JSON.stringify({ email, password: PASSWORD }),
      }),
    );
    const loggedIn = fromLambda(login);
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.setCookies).toHaveLength(1);

    const created = await lambda.invoke<{ statusCode: number; body: string }>(
      v2Event({
        method: 'POST',
        path: '/api/assessments',
        headers: json,
        cookies: loggedIn.setCookies.map((c) => c.split(';')[0]!),
        body: '{}',
      }),
    );
    expect(created.statusCode).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ status: 'draft' });

    const missing = fromLambda(await lambda.invoke(v2Event({ method: 'GET', path: '/api/nope' })));
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('when relay.js is invoked on an empty outbox, then it publishes nothing and fails nothing', async () => {
    const relay = await startLambdaHost(path.join(task.dir, 'relay.js'), env);
    try {
      expect(await relay.invoke({ source: 'aws.events', 'detail-type': 'Scheduled Event' })).toEqual({
        published: 0,
        failed: 0,
      });
    } finally {
      await relay.stop();
    }
  });
});
