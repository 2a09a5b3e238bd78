import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One goal from the issue, and whether this run met it. */
export interface GoalCheck {
  bench: string;
  goal: string;
  measured: string;
  /** undefined when the bench could not measure it. */
  met: boolean | undefined;
}

/** What every bench hands back to the driver. */
export interface BenchResult {
  id: string;
  title: string;
  /** Markdown: the bench's own section (tables and notes), without its heading. */
  markdown: string;
  goals: GoalCheck[];
  /** The raw figures, written to the JSON file. */
  data: unknown;
}

/** `uptime`-style load, to label the figures with how busy the shared machine was. */
export function machineLoad(): string {
  const [one, five, fifteen] = os.loadavg().map((n) => n.toFixed(2));
  return `load average ${one}, ${five}, ${fifteen} (${os.cpus().length} CPUs)`;
}

export function mdTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function goalTable(goals: GoalCheck[]): string {
  return mdTable(
    ['Bench', 'Goal', 'Measured', 'Met'],
    goals.map((g) => [
      g.bench,
      g.goal,
      g.measured,
      g.met === undefined ? 'not measured' : g.met ? 'yes' : 'NO',
    ]),
  );
}

/** Writes `<stem>.json` and `<stem>.md` (and `latest.*`) under bench/results. */
export function writeResults(dir: string, stem: string, json: unknown, markdown: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const name of [stem, 'latest']) {
    const j = path.join(dir, `${name}.json`);
    const m = path.join(dir, `${name}.md`);
    writeFileSync(j, `${JSON.stringify(json, null, 2)}\n`);
    writeFileSync(m, markdown);
    files.push(j, m);
  }
  return files;
}
