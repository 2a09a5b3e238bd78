import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchDatabase } from './db';
import { procCpuSeconds } from './procstat';
import { median } from './stats';

export interface DatabaseWatch {
  /** Connections to the bench database: the most seen, and the median of the samples. */
  max: number;
  median: number;
  /** CPU the PostgreSQL backends serving the bench database used during the watch, seconds. */
  backendCpuSeconds: number;
}

/**
 * Samples the bench database's connection count and its backends' CPU (from /proc) every 250 ms
 * until the returned function is called.
 */
export function watchDatabase(db: BenchDatabase): () => Promise<DatabaseWatch> {
  const counts: number[] = [];
  const backendCpu = new Map<number, { first: number; last: number }>();
  let stopped = false;
  const loop = (async () => {
    // Bounded: stops when the run ends, and never runs past an hour.
    for (let i = 0; i < 14_400 && !stopped; i++) {
      try {
        counts.push(await db.connectionCount());
        for (const pid of await db.backendPids()) {
          const s = procCpuSeconds(pid);
          if (s === undefined) continue;
          const seen = backendCpu.get(pid);
          if (seen) seen.last = s;
          // A backend there at the start counts from now; one opened later, from its birth.
          else backendCpu.set(pid, { first: i === 0 ? s : 0, last: s });
        }
      } catch {
        // a sample lost is fine
      }
      await sleep(250);
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    let cpu = 0;
    for (const { first, last } of backendCpu.values()) cpu += last - first;
    // The driver's admin connection is to the `postgres` database, so every counted one is the app's.
    return { max: Math.max(0, ...counts), median: median(counts), backendCpuSeconds: cpu };
  };
}
