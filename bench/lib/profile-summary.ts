/**
 * Summarises a V8 .cpuprofile: self time by function and by package, so a `--cpu-prof` run shows
 * where the server's CPU goes. Usage: tsx bench/lib/profile-summary.ts <file.cpuprofile> [top]
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchOptions } from './options';
import type { ServerProcess } from './proc';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/<pkg>` (scoped too), `app` for our sources, `node` for built-ins. */
function packageOf(url: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith('node:') || url === '') return url === '' ? '(vm/gc/native)' : 'node';
  return `app:${url
    .replace(/^file:\/\//, '')
    .replace(process.cwd(), '')
    .split('/')
    .slice(0, 4)
    .join('/')}`;
}

export function summarise(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*node_modules\//, '')}:${n.callFrame.lineNumber}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    const p = packageOf(n.callFrame.url);
    pkg.set(p, (pkg.get(p) ?? 0) + us);
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const leaf = byId.get(id)!.callFrame.functionName;
    if (leaf === '(idle)' || leaf === '(program)' || leaf === '(garbage collector)') continue;
    busy += us;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (f.functionName === '(root)') continue;
      const name = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(functions|container|dist)\//, '$1/')}:${f.lineNumber}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  const incRows = [...inclusive]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top * 2)
    .map(([k, us]) => `${((us / busy) * 100).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
  return `total ${(total / 1e6).toFixed(2)} s sampled\n\nby package:\n${rows(pkg)}\n\nby function (self):\n${rows(fn)}\n\nby function (inclusive, % of non-idle):\n${incRows}`;
}

/** Starts profiling the server child; returns the file the profile will be written to. */
export async function startProfile(
  server: ServerProcess,
  options: BenchOptions,
  name: string,
): Promise<string> {
  const dir = path.join(options.resultsDir, 'profiles');
  mkdirSync(dir, { recursive: true });
  await server.profile('start');
  return path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
}

/** Stops profiling, writes the profile and logs its summary. */
export async function stopProfile(server: ServerProcess, file: string, options: BenchOptions): Promise<void> {
  await server.profile('stop', file);
  options.log(`CPU profile: ${path.relative('.', file)}\n${summarise(file, 20)}`);
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx bench/lib/profile-summary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(summarise(file, Number(process.argv[3] ?? 25)));
}
