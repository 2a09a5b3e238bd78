/**
 * One fresh container per sample, run as the rehearsal runs a Lambda environment
 * (container/rehearse: runContainer + RuntimeApi): the image's entry point, read-only root with a
 * writable /tmp, an unprivileged user, the host network. Time runs from `podman run` being spawned
 * until the Runtime API receives the `/response` of the first invocation.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runContainer } from '../../container/rehearse/container';
import { lambdaPlatformEnv } from '../../container/rehearse/env';
import { RuntimeApi } from '../../container/rehearse/runtime-api';
import { appEnvironment } from '../../stacks/constructs/app-env';

/** As container/rehearse/lambda-target.ts runs functions. */
export const SANDBOX_USER = '993:990';
const REGION = 'us-east-1';
/** The API function's memory in stacks/config.ts (only reported to the runtime; no cgroup limit here). */
const FN = { logicalId: 'BenchApi', memoryMb: 1024 };

/**
 * A TCP listener that stands in for every dependency the config names (the database, S3, Cognito,
 * EventBridge): a connection to it during init or the first request would mean a dependency is not
 * reached lazily. The floor probes connect to it on purpose.
 */
export class Sink {
  connections = 0;
  private server = net.createServer((s) => {
    this.connections++;
    this.waiter?.();
    s.destroy();
  });
  private waiter?: () => void;
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Resolves at the next connection. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiter = () => {
        this.waiter = undefined;
        resolve();
      };
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The API function's environment as the stack builds it (stacks/constructs/app-env.ts), every endpoint pointed at the sink. */
export function apiEnvironment(sinkPort: number): Record<string, string> {
  const endpoint = `http://127.0.0.1:${sinkPort}`;
  return {
    ...appEnvironment({
      target: 'lambda',
      tracing: true,
      region: REGION,
      logLevel: 'INFO',
      allowedOrigins: ['https://app.example.com'],
      dbHost: '127.0.0.1',
      dbName: 'scalemap',
      dbUser: 'scalemap_app',
      documentsBucket: 'scalemap-bench-documents',
      userPoolId: `${REGION}_bench`,
      userPoolClientId: 'benchclient',
      autoConfirmSignups: false,
      eventBusName: 'scalemap-bench',
      version: 'bench',
    }),
    DB_PORT: String(sinkPort),
    S3_ENDPOINT: endpoint,
    COGNITO_ENDPOINT: endpoint,
    EVENTBRIDGE_ENDPOINT: endpoint,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
  };
}

/** An API Gateway HTTP API (v2) event for `GET path`, as API Gateway sends it. */
export function httpApiEvent(path: string, now = new Date()): Record<string, unknown> {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {
      host: 'app.example.com',
      accept: 'application/json',
      'user-agent': 'scalemap-bench',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
    },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'bench',
      domainName: 'app.example.com',
      domainPrefix: 'app',
      http: {
        method: 'GET',
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.7',
        userAgent: 'scalemap-bench',
      },
      requestId: 'bench-request',
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
  };
}

/**
 * Preloaded into the container's Node (NODE_OPTIONS=--require): on SIGTERM, after the first response,
 * it writes the CPU time Node has used so far (init + first invocation; the runtime then idles in
 * its long poll). CPU time holds steady on a busy machine, where wall time swings.
 */
const CPU_PROBE = `process.on('SIGTERM', () => {
  const u = process.cpuUsage();
  process.stderr.write('[bench-cpu] ' + JSON.stringify({ cpuMs: (u.user + u.system) / 1000 }) + '\\n');
  process.exit(0);
});
`;
const CPU_PROBE_IN_CONTAINER = '/opt/scalemap-bench/cpu.cjs';
let cpuProbeFile: string | undefined;

function cpuProbe(): string {
  if (!cpuProbeFile) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-bench-cpu-'));
    cpuProbeFile = path.join(dir, 'cpu.cjs');
    writeFileSync(cpuProbeFile, CPU_PROBE);
    chmodSync(dir, 0o755);
    chmodSync(cpuProbeFile, 0o644);
  }
  return cpuProbeFile;
}

export function removeCpuProbe(): void {
  if (cpuProbeFile) rmSync(path.dirname(cpuProbeFile), { recursive: true, force: true });
  cpuProbeFile = undefined;
}

export interface LambdaSample {
  ms: number;
  /** Node's CPU time (user + system) for init + the first invocation, when measured. */
  cpuMs?: number;
  statusCode: number;
  /** Output lines of the container (for the compile-cache proof). */
  lines: string[];
}

/** A fresh Lambda-mode container of `image`: time to the Runtime API's first `/response`. */
export async function firstResponse(
  image: string,
  handler: string,
  env: Record<string, string>,
  event: unknown,
  measureCpu = false,
): Promise<LambdaSample> {
  const api = new RuntimeApi(`arn:aws:lambda:${REGION}:000000000000:function:${FN.logicalId}`);
  const address = await api.start();
  const t0 = performance.now();
  const container = runContainer({
    image,
    label: 'bench',
    command: [handler],
    user: SANDBOX_USER,
    readOnly: true,
    mounts: measureCpu ? { [cpuProbe()]: CPU_PROBE_IN_CONTAINER } : {},
    env: {
      ...env,
      ...lambdaPlatformEnv(FN, address, REGION),
      ...(measureCpu ? { NODE_OPTIONS: `--require ${CPU_PROBE_IN_CONTAINER}` } : {}),
    },
  });
  let stopped = false;
  try {
    const result = await api.invoke(event, 60_000);
    const ms = performance.now() - t0;
    if (result.kind !== 'response') {
      throw new Error(
        `${image} ${handler}: ${JSON.stringify(result)}\n${container.lines.slice(-20).join('\n')}`,
      );
    }
    const statusCode = (result.payload as { statusCode?: number }).statusCode ?? 0;
    let cpuMs: number | undefined;
    if (measureCpu) {
      await container.stop(5);
      stopped = true;
      const line = container.lines.find((l) => l.startsWith('[bench-cpu] '));
      if (!line)
        throw new Error(`${image}: no CPU figure after SIGTERM\n${container.lines.slice(-10).join('\n')}`);
      cpuMs = (JSON.parse(line.slice('[bench-cpu] '.length)) as { cpuMs: number }).cpuMs;
    }
    return { ms, cpuMs, statusCode, lines: container.lines };
  } finally {
    if (!stopped) await container.kill();
    await api.stop();
  }
}

/**
 * The floor under every Lambda sample: a container of the same base, run with the same flags, whose
 * process only opens a TCP connection to the sink. `bash` measures podman + runc alone; `node`
 * adds Node's own start.
 */
export async function floor(image: string, kind: 'bash' | 'node', sink: Sink): Promise<number> {
  const entryPoint =
    kind === 'bash'
      ? ['/bin/bash', '-c', `exec 3<>/dev/tcp/127.0.0.1/${sink.port}; sleep 30`]
      : [
          '/var/lang/bin/node',
          '-e',
          `require('net').connect(${sink.port}, '127.0.0.1'); setTimeout(() => {}, 30000)`,
        ];
  const arrived = sink.next();
  const t0 = performance.now();
  const container = runContainer({
    image,
    label: 'floor',
    entryPoint,
    user: SANDBOX_USER,
    readOnly: true,
    env: {},
  });
  try {
    const first = await Promise.race([arrived.then(() => 'ok'), container.exited.then(() => 'exited')]);
    if (first !== 'ok') throw new Error(`floor (${kind}) exited early:\n${container.lines.join('\n')}`);
    return performance.now() - t0;
  } finally {
    await container.kill();
  }
}
