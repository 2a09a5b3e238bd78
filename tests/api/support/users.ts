import { startTestApp, type TestApp } from '../../support/app';
import { registerAndLogin } from '../../support/client';

export type User = Awaited<ReturnType<typeof registerAndLogin>>;

/**
 * Hooks for a test file: before its tests, the app starts and each label signs up and logs in, in
 * order (e.g. `alice`, who owns what a test creates, and `mallory`, who must not reach it); after
 * them, the app stops. The returned object is filled in by then.
 */
export function appWithUsers<const Label extends string>(
  labels: readonly Label[],
  options?: Parameters<typeof startTestApp>[0],
): { app: TestApp } & Record<Label, User> {
  const the = {} as { app: TestApp } & Record<Label, User>;
  beforeAll(async () => {
    the.app = await startTestApp(options);
    for (const label of labels)
      (the as Record<Label, User>)[label] = await registerAndLogin(the.app.url, label);
  });
  afterAll(async () => {
    await the.app?.stop();
  });
  return the;
}

/** Hooks for a test file that needs the app alone: started before its tests, stopped after them. */
export const appForTests = (options?: Parameters<typeof startTestApp>[0]) => appWithUsers([], options);
