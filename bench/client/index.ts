import type { BenchOptions } from '../lib/options';
import type { BenchResult } from '../lib/report';
export async function run(_o: BenchOptions): Promise<BenchResult | undefined> {
  return undefined;
}
