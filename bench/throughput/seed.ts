/** P1's fixtures: the seeded assessment, one autocannon result as a sample, and the floor's check. */
import type { Result } from 'autocannon';
import { allAnswers, registerAndLogin } from '../../tests/support/client';
import type { BenchDatabase } from '../lib/db';
import type { ServerProcess } from '../lib/proc';
import type { TargetKind } from '../lib/target';

export const CONNECTIONS = 50;

/** One server under load: the hello-world, the peer, or the app (production bundle or tsx). */
export interface Measured {
  kind: 'hello' | 'peer' | TargetKind;
  /** An ablation of the production bundle: what is switched off, and the variables that do it. */
  variant?: { name: string; env: Record<string, string> };
  server: ServerProcess;
  url: string;
  headers: Record<string, string>;
  /** The database its backends serve, for PostgreSQL's CPU per request. */
  db?: BenchDatabase;
  samples: Sample[];
}

export interface Sample {
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  cpuPercentOfCore?: number;
  /** Server process CPU per request, ms (robust to a busy machine, unlike req/s). */
  serverCpuMsPerRequest?: number;
  /** The server's read and write system calls per request (/proc/<pid>/io). */
  readCallsPerRequest?: number;
  writeCallsPerRequest?: number;
  /** PostgreSQL backends' CPU per request, ms. */
  pgCpuMsPerRequest?: number;
}

export function sample(r: Result): Sample {
  return {
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/** Signs up, answers every question in one save and returns the cookie and the GET path. */
export async function seed(url: string): Promise<{ path: string; cookie: string }> {
  const { client } = await registerAndLogin(url, 'p1');
  const created = await client.post<{ id: string }>('/api/assessments', {});
  if (created.status !== 201) throw new Error(`create failed: ${created.status}`);
  const saved = await client.put(`/api/assessments/${created.body.id}/responses`, {
    responses: allAnswers(),
  });
  if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${JSON.stringify(saved.body)}`);
  const p = `/api/assessments/${created.body.id}`;
  const check = await client.get<{ progress: { answered: number; total: number } }>(p);
  if (check.status !== 200 || check.body.progress.answered !== check.body.progress.total) {
    throw new Error(`the seeded assessment is not fully answered: ${JSON.stringify(check.body)}`);
  }
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return { path: p, cookie };
}

/**
 * The floor must do the same work: before anything is measured, its body must equal the app's byte
 * for byte (same rows, same JSON), with the same status and ETag.
 */
export async function assertSameResponse(appUrl: string, peerUrl: string, cookie: string): Promise<number> {
  const get = async (url: string) => {
    const res = await fetch(url, { headers: { cookie } });
    return { status: res.status, etag: res.headers.get('etag'), body: await res.text() };
  };
  const [app, peer] = [await get(appUrl), await get(peerUrl)];
  if (app.status !== 200 || peer.status !== app.status || peer.etag !== app.etag || peer.body !== app.body) {
    throw new Error(
      `the peer does not answer like the app:\napp ${app.status} ${app.etag} ${app.body}\npeer ${peer.status} ${peer.etag} ${peer.body}`,
    );
  }
  return app.body.length;
}
