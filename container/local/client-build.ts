import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time of any file under `dir`. */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the client when client/dist is missing or older than its sources; returns the folder to serve. */
export function ensureClientBuilt(): string | undefined {
  const clientDir = path.resolve('client');
  if (!existsSync(path.join(clientDir, 'index.html'))) return undefined;
  const index = path.join(clientDir, 'dist', 'index.html');
  const stale =
    !existsSync(index) ||
    statSync(index).mtimeMs <
      Math.max(
        newestMtime(path.join(clientDir, 'src')),
        ...['index.html', 'vite.config.ts', 'package.json']
          .map((f) => path.join(clientDir, f))
          .filter(existsSync)
          .map((f) => statSync(f).mtimeMs),
        existsSync(path.join(clientDir, 'public')) ? newestMtime(path.join(clientDir, 'public')) : 0,
      );
  if (stale) {
    console.log('Building the client (client/dist is missing or stale)…');
    try {
      // NODE_ENV is inherited otherwise, and anything but production bundles React's dev build.
      execFileSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts'], {
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      });
    } catch {
      console.error('The client build failed; serving the API only. Fix the build and restart.');
      return existsSync(index) ? path.join(clientDir, 'dist') : undefined;
    }
  }
  return path.join(clientDir, 'dist');
}
