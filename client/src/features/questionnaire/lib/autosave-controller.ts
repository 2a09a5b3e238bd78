/**
 * The questionnaire's autosave state machine, free of React and fetch so it can be tested alone.
 *
 * Edits collect in `pending`, are debounced, then sent as one PUT with the last known version.
 * - Success: adopt the new version; send whatever was edited meanwhile.
 * - 409: re-read the assessment, keep every unsaved local edit on top, retry (the user never loses input);
 *   if the assessment turned out submitted, lock.
 * - Network, 429 or 5xx: keep the edits and retry with exponential backoff.
 * - Anything else: stop and show the error with a manual Retry.
 */
export type { AnswerValue } from '../../assessments/api/schemas';

import type { AnswerValue } from '../../assessments/api/schemas';
export type Responses = Record<string, AnswerValue>;
export type SaveProgress = { answered: number; total: number };

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'retrying' | 'error' | 'locked';

export type AutosaveSnapshot = {
  status: AutosaveStatus;
  version: number;
  progress?: SaveProgress;
  error?: unknown;
  /** When status is 'retrying': the delay before the next automatic attempt. */
  retryInMs?: number;
  lastSavedAt?: number;
  unsavedCount: number;
};

type Timers = {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

export type AutosaveDeps = {
  save: (responses: Responses, version: number) => Promise<{ version: number; progress: SaveProgress }>;
  reload: () => Promise<{ version: number; status: string; responses: Responses }>;
  isConflict: (error: unknown) => boolean;
  isTransient: (error: unknown) => boolean;
  /** Server answers seen after a conflict; the UI merges them under its unsaved edits. */
  onRemote?: (responses: Responses) => void;
  debounceMs?: number;
  backoffMs?: (attempt: number) => number;
  maxConflictRetries?: number;
  now?: () => number;
  timers?: Timers;
};

export const defaultBackoff = (attempt: number): number => Math.min(30_000, 1000 * 2 ** (attempt - 1));

export class AutosaveController {
  private readonly pending = new Map<string, AnswerValue>();
  private inflight: Map<string, AnswerValue> | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private conflicts = 0;
  private snapshot: AutosaveSnapshot;
  private readonly listeners = new Set<(s: AutosaveSnapshot) => void>();
  private readonly deps: Required<Omit<AutosaveDeps, 'onRemote'>> & Pick<AutosaveDeps, 'onRemote'>;
  private running: Promise<void> | null = null;

  constructor(version: number, deps: AutosaveDeps, locked = false) {
    this.deps = {
      debounceMs: 800,
      backoffMs: defaultBackoff,
      maxConflictRetries: 3,
      now: () => Date.now(),
      timers: {
        setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
        clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
      },
      ...deps,
    };
    this.snapshot = { status: locked ? 'locked' : 'idle', version, unsavedCount: 0 };
  }

  getSnapshot = (): AutosaveSnapshot => this.snapshot;

  subscribe = (listener: (s: AutosaveSnapshot) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Edits that have not reached the server yet (pending and in flight), newest winning. */
  unsaved(): Responses {
    return Object.fromEntries([...(this.inflight ?? []), ...this.pending]);
  }

  hasUnsaved(): boolean {
    return this.pending.size > 0 || this.inflight !== null;
  }

  /** Record an answer (null clears it) and schedule a debounced save. */
  edit(questionId: string, value: AnswerValue): void {
    if (this.snapshot.status === 'locked') return;
    this.pending.set(questionId, value);
    this.update({ status: this.inflight ? 'saving' : 'pending', error: undefined, retryInMs: undefined });
    this.schedule(this.deps.debounceMs);
  }

  /**
   * Save now (the Retry button, leaving a step, before submitting), including edits made while an
   * earlier request was in flight. Resolves true once nothing is left unsaved.
   */
  async flush(): Promise<boolean> {
    this.conflicts = 0;
    for (let round = 0; round < 5 && this.hasUnsaved(); round += 1) {
      this.clearTimer();
      await this.run();
      if (this.snapshot.status === 'retrying' || this.snapshot.status === 'error') break;
      if (this.snapshot.status === 'locked') return false;
    }
    return !this.hasUnsaved();
  }

  /** Stop timers; edits not yet sent stay in memory only. */
  dispose(): void {
    this.clearTimer();
    this.listeners.clear();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    // One request at a time; edits made meanwhile are sent when it settles.
    if (this.running) return this.running;
    if (this.pending.size === 0 || this.snapshot.status === 'locked') return Promise.resolve();
    this.running = this.send().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async send(): Promise<void> {
    const batch = new Map(this.pending);
    this.inflight = batch;
    this.pending.clear();
    this.update({ status: 'saving', error: undefined, retryInMs: undefined });
    try {
      const result = await this.deps.save(Object.fromEntries(batch), this.snapshot.version);
      this.inflight = null;
      this.attempt = 0;
      this.conflicts = 0;
      if (this.pending.size > 0) {
        this.update({ status: 'pending', version: result.version, progress: result.progress });
        this.schedule(this.deps.debounceMs);
      } else {
        this.update({
          status: 'saved',
          version: result.version,
          progress: result.progress,
          lastSavedAt: this.deps.now(),
        });
      }
    } catch (error) {
      this.inflight = null;
      // Put the batch back underneath anything typed since it left.
      for (const [k, v] of batch) if (!this.pending.has(k)) this.pending.set(k, v);
      await this.recover(error);
    }
  }

  private async recover(error: unknown): Promise<void> {
    if (this.deps.isConflict(error) && this.conflicts < this.deps.maxConflictRetries) {
      this.conflicts += 1;
      let fresh: Awaited<ReturnType<AutosaveDeps['reload']>>;
      try {
        fresh = await this.deps.reload();
      } catch (reloadError) {
        return this.recover(reloadError);
      }
      this.deps.onRemote?.(fresh.responses);
      if (fresh.status === 'submitted') {
        this.pending.clear();
        this.update({ status: 'locked', version: fresh.version });
        return;
      }
      this.update({ version: fresh.version });
      return this.send();
    }
    if (this.deps.isTransient(error)) {
      this.attempt += 1;
      const delay = this.deps.backoffMs(this.attempt);
      this.update({ status: 'retrying', error, retryInMs: delay });
      this.schedule(delay);
      return;
    }
    this.update({ status: 'error', error, retryInMs: undefined });
  }

  private update(patch: Partial<AutosaveSnapshot>): void {
    this.snapshot = {
      ...this.snapshot,
      ...patch,
      unsavedCount: this.pending.size + (this.inflight?.size ?? 0),
    };
    for (const l of this.listeners) l(this.snapshot);
  }
}
