/** Where the build runs and what the runtime artifact must hold (container/runtime-manifest.json). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

/** container/runtime-manifest.json: what the image's runtime stage contains. */
export interface RuntimeManifest {
  buildOutput: string;
  copy: { from: string; to: string }[];
  entries: {
    source: string;
    out: string;
    kind: 'lambda' | 'server';
    handler?: string;
    command?: string[];
  }[];
  assets: { from: string; to: string }[];
  files: string[];
  externals: string[];
  /** Packages copied as node_modules because bundling cannot inline them (then list `node_modules` in files). */
  productionNodeModules: string[];
}

export function readManifest(root = ROOT): RuntimeManifest {
  return JSON.parse(readFileSync(path.join(root, 'container/runtime-manifest.json'), 'utf8'));
}

/** Bytes of a file, or of everything under a folder. */
export function sizeOf(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.size;
  return readdirSync(p).reduce((sum, f) => sum + sizeOf(path.join(p, f)), 0);
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} kB`;
}
