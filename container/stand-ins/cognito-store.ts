import type { Context } from 'cognito-local/lib/services/context';
import type { DataStore } from 'cognito-local/lib/services/dataStore/dataStore';
import type { DataStoreFactory } from 'cognito-local/lib/services/dataStore/factory';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb';

/**
 * Writes that overlap share one file write. cognito-local's store serializes and rewrites its whole
 * JSON file on every change, so N concurrent sign-ups cost N full rewrites (O(N²) at load). Here a
 * change made while a write is in flight waits for the next write, which starts when that one ends
 * and carries every change made meanwhile. Each change still resolves only once a write that
 * started after it has finished, so what a caller saw succeed is on disk, as before.
 */
export function coalesce(write: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const p = write().finally(() => {
      if (running === p) running = undefined;
    });
    running = p;
    return p;
  };
  return () => {
    if (!running) return start();
    // One follow-up write for everything that changes while `running` writes.
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}

/** cognito-local's file store (StormDB), with overlapping writes coalesced (`coalesce`). */
export class CoalescingDataStoreFactory implements DataStoreFactory {
  private readonly inner: StormDBDataStoreFactory;
  constructor(directory: string) {
    this.inner = new StormDBDataStoreFactory(directory);
  }

  async create(ctx: Context, id: string, defaults: object): Promise<DataStore> {
    const store = await this.inner.create(ctx, id, defaults);
    const db = (store as unknown as { db: { save(): Promise<void> } }).db;
    db.save = coalesce(db.save.bind(db));
    return store;
  }
}
