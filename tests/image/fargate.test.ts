/**
 * The image on the Fargate target: the task definition's entry point (`node server.js`), user,
 * root filesystem mode, stop timeout and environment, from the synthesized template.
 */
import type { Rehearsal } from '../../container/rehearse/rehearsal';
import { requiredCloudKeys } from '../../functions/api/config';
import { ApiClient, registerAndLogin } from '../support/client';
import { healthAfterS3Stops } from './support/health';
import { runJourney } from './support/journey';
import { rehearse } from './support/rehearsal';

jest.setTimeout(120_000);

let rehearsal: Rehearsal;
beforeAll(async () => {
  ({ rehearsal } = await rehearse('fargate'));
}, 240_000);
afterAll(async () => {
  await rehearsal?.stop();
});

describe('The image on Fargate (npm run rehearse -- --target fargate)', () => {
  it('when the task definition is read, then the container runs node server.js as user 10001 on a read-only root', () => {
    const spec = rehearsal.assembly.fargate!;
    expect(spec.entryPoint).toEqual(['node', 'server.js']);
    expect(spec.user).toBe('10001');
    expect(spec.readonlyRootFilesystem).toBe(true);
    expect(spec.stopTimeoutSeconds).toBeLessThanOrEqual(30);
  });

  it('when a user walks the whole journey, then the assessment is scored and the event reaches EventBridge', async () => {
    const journey = await runJourney(rehearsal.url, 'image-fargate');
    expect(journey.submit.status).toBe(200);
    expect(journey.submit.body.triageResults.domainScores).toHaveLength(12);
    expect(journey.detail.body.documents).toHaveLength(3);
    expect(rehearsal.eventBridge.entries).toEqual([
      expect.objectContaining({ DetailType: 'assessment.submitted' }),
    ]);
  });

  it('when an unknown API route is asked for, then the answer is a 404 problem+json, not HTML', async () => {
    const res = await new ApiClient(rehearsal.url).get('/api/no-such-route');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it.each(requiredCloudKeys.filter((k) => k.startsWith('DB_') || k.startsWith('COGNITO_')))(
    'when %s is missing from the task environment, then the container exits non-zero naming it',
    async (key) => {
      expect(Object.keys(rehearsal.assembly.fargate!.environment)).toContain(key);
      const started = rehearsal.startTask((env) => {
        const { [key]: _dropped, ...rest } = env;
        return rest;
      });
      await expect(started).rejects.toThrow(new RegExp(`exited with 1[\\s\\S]*${key}`));
    },
  );

  it('when /api/health is asked, then 200; when the S3 stand-in stops, then 503 naming s3', async () => {
    const { before, after } = await healthAfterS3Stops(rehearsal.url, () => rehearsal.s3.stop());
    expect(before.status).toBe(200);
    expect(after.status).toBe(503);
    expect(after.body.services).toEqual({ db: 'up', s3: 'down', cognito: 'up' });
  });

  it('when ECS sends SIGTERM under load, then the task drains what is in flight and exits 0 within the stop timeout', async () => {
    const task = rehearsal.task!;
    const { client } = await registerAndLogin(rehearsal.url, 'image-sigterm');
    client.defaults.origin = rehearsal.url;
    const outcomes: { id: string; started: number; ended: number; status: number }[] = [];
    let signalledAt = 0;
    const worker = async (w: number) => {
      for (let i = 0; !signalledAt || Date.now() - signalledAt < 1500; i++) {
        const id = `sigterm-${w}-${i}`;
        const started = Date.now();
        const status = await client
          .get('/api/assessments', { 'x-correlation-id': id })
          .then((r) => r.status)
          .catch(() => 0);
        outcomes.push({ id, started, ended: Date.now(), status });
      }
    };
    const load = Promise.all([0, 1, 2, 3, 4, 5].map(worker));
    await new Promise((r) => setTimeout(r, 1500));
    signalledAt = Date.now();
    const code = await task.container.stop(rehearsal.assembly.fargate!.stopTimeoutSeconds);
    const stoppedIn = Date.now() - signalledAt;
    await load;

    expect(code).toBe(0);
    expect(stoppedIn).toBeLessThan(30_000);
    const logged = task.container.lines.join('\n');
    expect(logged).toMatch(/"message":"draining"/);
    expect(logged).toMatch(/"message":"stopped"/);
    const before = outcomes.filter((o) => o.ended < signalledAt);
    expect(before.length).toBeGreaterThan(10);
    expect(before.every((o) => o.status === 200)).toBe(true);
    // Requests in flight at the signal finish with 200, unless they never reached the app (the
    // keep-alive idle-socket race): those are not in its access log.
    const inFlight = outcomes.filter((o) => o.started <= signalledAt && o.ended >= signalledAt);
    for (const o of inFlight.filter((x) => x.status !== 200))
      expect(logged).not.toContain(`"correlationId":"${o.id}"`);
  });
});
