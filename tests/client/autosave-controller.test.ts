import {
  AutosaveController,
  type AutosaveDeps,
  type Responses,
} from '../../client/src/features/questionnaire/lib/autosave-controller';

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

type Call = { responses: Responses; version: number };

/** A fake API: `save` results are queued per call; the server state is a version and answers. */
function setup(overrides: Partial<AutosaveDeps> = {}) {
  const calls: Call[] = [];
  const server = { version: 1, status: 'draft', responses: {} as Responses };
  const outcomes: (Error | 'ok')[] = [];
  const deps: AutosaveDeps = {
    save: jest.fn(async (responses: Responses, version: number) => {
      calls.push({ responses, version });
      const outcome = outcomes.shift() ?? 'ok';
      if (outcome !== 'ok') throw outcome;
      if (version !== server.version) throw new HttpError(409);
      server.version += 1;
      Object.assign(server.responses, responses);
      return {
        version: server.version,
        progress: { answered: Object.keys(server.responses).length, total: 10 },
      };
    }),
    reload: jest.fn(async () => ({ ...server, responses: { ...server.responses } })),
    isConflict: (e) => e instanceof HttpError && e.status === 409,
    isTransient: (e) => e instanceof HttpError && (e.status === 0 || e.status >= 500),
    debounceMs: 800,
    backoffMs: (attempt) => 1000 * attempt,
    ...overrides,
  };
  const controller = new AutosaveController(1, deps);
  return { controller, calls, server, outcomes, deps };
}

const flushPromises = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('AutosaveController', () => {
  it('when answers change quickly, then one debounced PUT carries them all with the current version', async () => {
    const { controller, calls } = setup();
    controller.edit('q1', 3);
    jest.advanceTimersByTime(500);
    controller.edit('q2', 'yes');
    expect(controller.getSnapshot().status).toBe('pending');
    jest.advanceTimersByTime(799);
    expect(calls).toHaveLength(0);
    jest.advanceTimersByTime(1);
    expect(controller.getSnapshot().status).toBe('saving');
    await flushPromises();
    expect(calls).toEqual([{ responses: { q1: 3, q2: 'yes' }, version: 1 }]);
    expect(controller.getSnapshot()).toMatchObject({
      status: 'saved',
      version: 2,
      progress: { answered: 2 },
    });
    expect(controller.hasUnsaved()).toBe(false);
  });

  it('when the user edits while a save is in flight, then the new edit is sent next with the new version', async () => {
    const { controller, calls } = setup();
    controller.edit('q1', 1);
    jest.advanceTimersByTime(800);
    controller.edit('q1', 2); // typed while the first PUT is on the wire
    expect(controller.unsaved()).toEqual({ q1: 2 });
    await flushPromises();
    expect(controller.getSnapshot().status).toBe('pending');
    jest.advanceTimersByTime(800);
    await flushPromises();
    expect(calls.map((c) => [c.responses.q1, c.version])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(controller.getSnapshot().status).toBe('saved');
  });

  it('when the version is stale (409), then it reloads, keeps the local edits on top and retries', async () => {
    const onRemote = jest.fn();
    const { controller, calls, server } = setup({ onRemote });
    // Another tab saved meanwhile.
    server.version = 5;
    server.responses = { q9: 'from another tab', q1: 1 };
    controller.edit('q1', 4);
    jest.advanceTimersByTime(800);
    await flushPromises();
    expect(calls.map((c) => c.version)).toEqual([1, 5]);
    expect(calls[1]!.responses).toEqual({ q1: 4 });
    expect(onRemote).toHaveBeenCalledWith({ q9: 'from another tab', q1: 1 });
    expect(server.responses).toEqual({ q9: 'from another tab', q1: 4 });
    expect(controller.getSnapshot()).toMatchObject({ status: 'saved', version: 6 });
  });

  it('when the assessment was submitted elsewhere (409), then it locks and stops saving', async () => {
    const { controller, server, calls } = setup();
    server.version = 9;
    server.status = 'submitted';
    controller.edit('q1', 2);
    jest.advanceTimersByTime(800);
    await flushPromises();
    expect(controller.getSnapshot().status).toBe('locked');
    controller.edit('q1', 3);
    jest.advanceTimersByTime(5000);
    await flushPromises();
    expect(calls).toHaveLength(1);
  });

  it('when the network fails, then the edits are kept and retried with backoff until they land', async () => {
    const { controller, calls, outcomes, server } = setup();
    outcomes.push(new HttpError(0), new HttpError(503));
    controller.edit('q1', 5);
    jest.advanceTimersByTime(800);
    await flushPromises();
    expect(controller.getSnapshot()).toMatchObject({ status: 'retrying', retryInMs: 1000, unsavedCount: 1 });
    jest.advanceTimersByTime(1000);
    await flushPromises();
    expect(controller.getSnapshot()).toMatchObject({ status: 'retrying', retryInMs: 2000 });
    jest.advanceTimersByTime(2000);
    await flushPromises();
    expect(calls).toHaveLength(3);
    expect(server.responses).toEqual({ q1: 5 });
    expect(controller.getSnapshot().status).toBe('saved');
  });

  it('when a retry is pending and the user presses Retry, then it saves at once', async () => {
    const { controller, calls, outcomes } = setup();
    outcomes.push(new HttpError(502));
    controller.edit('q1', 1);
    jest.advanceTimersByTime(800);
    await flushPromises();
    expect(controller.getSnapshot().status).toBe('retrying');
    await controller.flush();
    expect(calls).toHaveLength(2);
    expect(controller.getSnapshot().status).toBe('saved');
  });

  it('when the server rejects the answers (400), then it stops with an error and keeps the edits', async () => {
    const { controller, outcomes, calls } = setup();
    outcomes.push(new HttpError(400));
    controller.edit('q1', 99);
    jest.advanceTimersByTime(800);
    await flushPromises();
    expect(controller.getSnapshot().status).toBe('error');
    expect(controller.unsaved()).toEqual({ q1: 99 });
    jest.advanceTimersByTime(60_000);
    await flushPromises();
    expect(calls).toHaveLength(1);
  });

  it('when flushed before submitting, then edits made during an in-flight save are sent too', async () => {
    const { controller, calls, server } = setup();
    controller.edit('q1', 1);
    jest.advanceTimersByTime(800); // first PUT leaves
    controller.edit('q2', 2); // typed while it is on the wire
    await expect(controller.flush()).resolves.toBe(true);
    expect(calls.map((c) => c.responses)).toEqual([{ q1: 1 }, { q2: 2 }]);
    expect(server.responses).toEqual({ q1: 1, q2: 2 });
  });

  it('when flushing cannot save (offline), then it says so instead of pretending', async () => {
    const { controller, outcomes } = setup();
    outcomes.push(new HttpError(0));
    controller.edit('q1', 1);
    await expect(controller.flush()).resolves.toBe(false);
    expect(controller.getSnapshot().status).toBe('retrying');
    expect(controller.unsaved()).toEqual({ q1: 1 });
  });

  it('when an answer is cleared, then null is sent', async () => {
    const { controller, calls } = setup();
    controller.edit('q1', null);
    await controller.flush();
    expect(calls[0]!.responses).toEqual({ q1: null });
  });
});
