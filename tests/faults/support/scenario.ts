import { Logger } from '@aws-lambda-powertools/logger';
import type { Pool } from 'pg';
import type { CognitoStandIn } from '../../../container/stand-ins/cognito';
import { createPgCluster, type PgCluster } from '../../../container/stand-ins/pg-cluster';
import type { S3StandIn } from '../../../container/stand-ins/s3';
import { startTestApp, type TestApp } from '../../support/app';
import { registerAndLogin } from '../../support/client';
import { type Load, startLoad } from '../load';

export interface FaultScene {
  /** A throwaway PostgreSQL cluster the test stops, crashes and restarts. */
  cluster: PgCluster;
  /** The real app on real HTTP, on a database in that cluster. */
  app: TestApp;
  /** A light concurrent load of four virtual users, running from the start. */
  load: Load;
  /** A fifth user, who probes by hand, and a draft of theirs. */
  probe: Awaited<ReturnType<typeof registerAndLogin>>;
  probeAssessment: string;
  /** Stand-ins a test restarts after stopping the app's own. */
  s3?: S3StandIn;
  cognito?: CognitoStandIn;
}

/**
 * Hooks for the fault-injection file: before its tests, the cluster, the app, the users and the load;
 * after them, everything stopped, whatever state the faults left it in. Filled in by then.
 */
export function faultScene(): FaultScene {
  const scene = {} as FaultScene;
  beforeAll(async () => {
    scene.cluster = await createPgCluster();
    scene.app = await startTestApp({
      databaseUrl: scene.cluster.url,
      deps: { logger: new Logger({ serviceName: 'faults', logLevel: 'ERROR' }) },
    });
    const users = await Promise.all([0, 1, 2, 3].map((i) => registerAndLogin(scene.app.url, `load${i}`)));
    scene.probe = await registerAndLogin(scene.app.url, 'probe');
    const created = await scene.probe.client.post<{ id: string }>('/api/assessments', {});
    scene.probeAssessment = created.body.id;
    scene.load = startLoad(
      scene.app.url,
      users.map((u, i) =>
        // One virtual user on a Bearer token, the rest on session cookies.
        i === 0
          ? { accessToken: u.accessToken }
          : { cookie: [...u.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      ),
    );
    await scene.load.successes(40);
  }, 60_000);

  afterAll(async () => {
    const { cluster, app, load, s3, cognito } = scene;
    await load?.stop();
    // A leaked pool client would make the app's pool.end() wait forever.
    const { pool } = (app?.database.handle ?? {}) as { pool?: Pool };
    if (pool && pool.totalCount > pool.idleCount) {
      for (const client of (pool as unknown as { _clients: { release(err?: Error): void }[] })._clients) {
        try {
          client.release(new Error('leaked'));
        } catch {
          // already idle
        }
      }
    }
    // The app's teardown drops its database, so the cluster must be up for it.
    if (cluster && !cluster.running()) await cluster.start().catch(() => undefined);
    await Promise.allSettled([s3?.stop(), cognito?.stop()]);
    await app?.stop().catch(() => undefined);
    await cluster?.destroy();
  }, 60_000);
  return scene;
}
