/**
 * Clients that only some requests need (Cognito on the auth routes, EventBridge at submit, S3 and
 * its presigners on documents) are loaded on first use, through a dynamic `import()`: the bundle
 * puts them in chunks of their own, so a cold start neither reads, compiles nor runs them.
 */

/** Every member of T is an async method. */
type AsyncMethods<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> };

/**
 * `load` once, on the first call (again after a failed load), then the loaded value. Concurrent
 * first calls share one load.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}

/** Each facade's loader, for `preload`. */
const loaders = new WeakMap<object, () => Promise<unknown>>();

/** Lets `preload` load `facade`'s implementation (for facades not built by `deferred`). */
export function preloadsWith(facade: object, load: () => Promise<unknown>): void {
  loaders.set(facade, load);
}

/**
 * Loads the implementations behind these facades now (others are ignored). For a long-lived server,
 * so that its first requests, health checks included, do not pay for the load. A failed load is
 * left to the first call, which retries it.
 */
export async function preload(...facades: object[]): Promise<void> {
  await Promise.all(
    facades.map((f) =>
      loaders
        .get(f)?.()
        .catch(() => undefined),
    ),
  );
}

/**
 * An object with T's async `methods` that loads the real one on the first call and hands every
 * call to it. Errors (including a failed load) reach the caller as the real method's would.
 */
export function deferred<T extends AsyncMethods<T>>(
  methods: readonly (keyof T)[],
  load: () => Promise<T>,
): T {
  const loaded = once(load);
  const facade: Partial<Record<keyof T, unknown>> = {};
  for (const name of methods) {
    facade[name] = async (...args: never[]) => {
      const target = await loaded();
      return (target[name] as (...a: never[]) => Promise<unknown>).apply(target, args);
    };
  }
  preloadsWith(facade, loaded);
  return facade as T;
}
