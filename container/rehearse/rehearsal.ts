/**
 * The whole product served from the built image, the way a target runs it (see README, "Rehearse the
 * image"): the synthesized template decides the entry point, user and environment; the stand-ins
 * take the place of RDS Proxy, S3, Cognito, EventBridge and CloudFront.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CognitoStandIn, startCognito } from '../stand-ins/cognito';
import { type EventBridgeStandIn, startEventBridge } from '../stand-ins/eventbridge';
import { type S3StandIn, startS3 } from '../stand-ins/s3';
import { type RehearsalDatabase, startRehearsalDatabase } from './database';
import { rehearsalEnv, type StandInValues } from './env';
import { type RehearsedTask, startTask } from './fargate-target';
import { type ApiHandler, type Front, startFront, viewerRequestFunction } from './front';
import { toHttpApiEvent, writeGatewayError, writeHttpApiResult } from './http-api-event';
import { IMAGE } from './image';
import { RehearsedFunction } from './lambda-target';
import type { InvokeResult } from './runtime-api';
import { functionFor, readAssembly, type SynthesizedApp, synthesize, type Target } from './template';

export type EnvTransform = (env: Record<string, string>) => Record<string, string>;

export interface RehearsalOptions {
  target: Target;
  /** The front's port; 0 picks a free one. */
  port: number;
  /** A PostgreSQL admin URL to make the throwaway database on; else a throwaway TLS cluster. */
  adminUrl?: string;
  image?: string;
  /** A synthesized assembly to reuse (else `cdk synth` runs). */
  assemblyDir?: string;
  /** Changes a container's environment before it starts (tests drop variables with it). */
  envTransform?: (env: Record<string, string>, entry: string) => Record<string, string>;
  log?: (line: string) => void;
}

export interface Rehearsal {
  url: string;
  target: Target;
  assembly: SynthesizedApp;
  s3: S3StandIn;
  cognito: CognitoStandIn;
  eventBridge: EventBridgeStandIn;
  db: RehearsalDatabase;
  /** The Lambda API function (lambda target). */
  lambda?: RehearsedFunction;
  /** The API container (fargate target). */
  task?: RehearsedTask;
  /**
   * Runs one invocation of a handler of the image (e.g. `relay.handler`) in a fresh environment,
   * optionally with its environment changed.
   */
  invoke(
    handler: string,
    event?: unknown,
    transform?: EnvTransform,
  ): Promise<{ result: InvokeResult; lines: string[] }>;
  /** Starts another API container as the task definition says (fargate target), optionally with its environment changed. */
  startTask(transform?: EnvTransform): Promise<RehearsedTask>;
  stop(): Promise<void>;
}

export async function startRehearsal(o: RehearsalOptions): Promise<Rehearsal> {
  const log = o.log ?? (() => {});
  const image = o.image ?? IMAGE;
  const assembly = readAssembly(o.target, o.assemblyDir ?? synthesize(o.target));
  const apiEnvSource =
    o.target === 'lambda'
      ? functionFor(assembly, 'lambda.handler').environment
      : assembly.fargate!.environment;
  const literal = (key: string) => {
    const v = apiEnvSource[key];
    if (typeof v !== 'string') throw new Error(`the template's ${key} is not a literal`);
    return v;
  };

  const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-rehearsal-'));
  const stops: (() => Promise<unknown>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    // The front first: its origin is the browser origin every stand-in and the app must allow.
    let api: ApiHandler = async (_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '2' });
      res.end('{"message":"Service Unavailable"}');
    };
    const rewrite = assembly.viewerRequestCode
      ? viewerRequestFunction(assembly.viewerRequestCode)
      : (u: string) => u;
    const front: Front = await startFront({
      port: o.port,
      clientDir: assembly.clientAssetDir,
      rewrite,
      api: (req, res, body) => api(req, res, body),
    });
    stops.push(() => front.stop());
    const origin = `http://127.0.0.1:${front.port}`;
    const allowedOrigins = [origin, `http://localhost:${front.port}`];

    const bucket = 'scalemap-rehearsal-documents';
    const [s3, cognito, eventBridge, db] = await Promise.all([
      startS3({ dataDir: path.join(dir, 's3'), bucket, allowedOrigins }),
      startCognito({ dataDir: path.join(dir, 'cognito') }),
      startEventBridge(),
      startRehearsalDatabase({
        dbName: literal('DB_NAME'),
        dbUser: literal('DB_USER'),
        adminUrl: o.adminUrl,
      }),
    ]);
    stops.push(
      () => s3.stop(),
      () => cognito.stop(),
      () => eventBridge.stop(),
      () => db.stop(),
    );
    if (!db.tlsVerified)
      log('note: with DATABASE_URL the image reaches PostgreSQL without TLS (a plain local server)');

    const region = 'us-east-1';
    const standIns: StandInValues = {
      origin: allowedOrigins.join(','),
      bucket,
      s3Endpoint: s3.endpoint,
      userPoolId: cognito.userPoolId,
      clientId: cognito.clientId,
      cognitoEndpoint: cognito.endpoint,
      eventBusName: 'scalemap-rehearsal-bus',
      eventBridgeEndpoint: eventBridge.endpoint,
      region,
    };
    const envFor = (source: Record<string, unknown>, entry: string) => {
      const env = rehearsalEnv(source as Record<string, string>, standIns, db.env);
      return o.envTransform ? o.envTransform(env, entry) : env;
    };
    const rehearsedFunction = (handler: string, transform: EnvTransform = (e) => e) => {
      const fn = functionFor(assembly, handler);
      return new RehearsedFunction({
        image,
        fn,
        env: transform(envFor(fn.environment, handler)),
        mounts: db.mounts,
        region,
        onLine: (l) => log(`[${handler}] ${l}`),
      });
    };
    const invoke = async (handler: string, event: unknown = {}, transform?: EnvTransform) => {
      const fn = rehearsedFunction(handler, transform);
      try {
        const result = await fn.invoke(event);
        return { result, lines: fn.lines };
      } finally {
        await fn.stop();
      }
    };

    // As the stack's Trigger does: the migrate handler, in the image, before the API serves.
    const migrated = await invoke('migrate.handler');
    if (migrated.result.kind !== 'response') {
      throw new Error(
        `migrate.handler failed: ${JSON.stringify(migrated.result)}\n${migrated.lines.slice(-20).join('\n')}`,
      );
    }
    log('migrated the database with migrate.handler');

    const startApiTask = async (transform: EnvTransform = (e) => e) => {
      const spec = assembly.fargate;
      if (!spec) throw new Error('the lambda assembly has no Fargate task');
      const task = await startTask({
        image,
        spec,
        env: transform(envFor(spec.environment, 'server.js')),
        mounts: db.mounts,
        onLine: (l) => log(`[server.js] ${l}`),
      });
      stops.push(() => task.container.stop(spec.stopTimeoutSeconds));
      return task;
    };

    const rehearsal: Rehearsal = {
      url: front.url,
      target: o.target,
      assembly,
      s3,
      cognito,
      eventBridge,
      db,
      invoke,
      startTask: startApiTask,
      stop: stopAll,
    };
    if (o.target === 'lambda') {
      const fn = rehearsedFunction('lambda.handler');
      stops.push(() => fn.stop());
      rehearsal.lambda = fn;
      api = async (req, res, body) => {
        const result = await fn.invoke(toHttpApiEvent(req, body));
        if (result.kind === 'response') writeHttpApiResult(res, result.payload);
        else if (result.kind === 'timeout') writeGatewayError(res, 503, 'Service Unavailable');
        else writeGatewayError(res, 500, 'Internal Server Error');
      };
    } else {
      const task = await startApiTask();
      rehearsal.task = task;
      api = task.api;
    }
    return rehearsal;
  } catch (err) {
    await stopAll();
    throw err;
  }
}
