import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `/assets/<name>-<hash>.<ext>`: how Vite names what it emits, content hash included. */
const hashedAsset = /["'(]\/?(assets\/[\w.-]+-[\w-]{8,}\.(?:js|mjs|css))["')]/g;

/**
 * Refuses anything but a built client: `index.html` that references Vite's content-hashed files
 * under `assets/`, each of which exists. The client's sources also hold an `index.html` (pointing at
 * `/src/main.tsx`), so checking for that file alone let `client` ship instead of `client/dist`.
 * Returns the referenced assets.
 */
export function assertBuiltClient(dir: string): string[] {
  const fix = 'Run `npm run build` and deploy its output (client/dist), not the client sources.';
  const indexHtml = join(dir, 'index.html');
  if (!existsSync(indexHtml)) {
    throw new Error(`Frontend build missing: ${indexHtml} does not exist. ${fix}`);
  }
  const html = readFileSync(indexHtml, 'utf8');
  const assets = [...new Set([...html.matchAll(hashedAsset)].map((m) => m[1]!))];
  if (!assets.some((a) => /\.m?js$/.test(a))) {
    throw new Error(
      `Frontend build missing: ${indexHtml} references no hashed script under assets/ ` +
        `(an unbuilt client points at /src/main.tsx). ${fix}`,
    );
  }
  const missing = assets.filter((a) => !existsSync(join(dir, a)));
  if (missing.length > 0) {
    throw new Error(
      `Frontend build incomplete: ${indexHtml} references ${missing.join(', ')}, absent. ${fix}`,
    );
  }
  return assets;
}
