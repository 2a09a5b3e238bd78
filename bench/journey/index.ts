import type { BenchOptions } from '../lib/options';
import type { BenchResult } from '../lib/report';
export async function run(_o: BenchOptions, _u?: string): Promise<BenchResult | undefined> {
  return undefined;
}
