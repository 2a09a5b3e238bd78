/**
 * Once per `image` project run: build the image from the repo (layer-cached) and synthesize both
 * targets, so every suite rehearses exactly what `cdk deploy` would ship.
 */
import { rmSync } from 'node:fs';
import { buildImage } from '../../container/rehearse/image';
import { synthesize } from '../../container/rehearse/template';

export default async function setup(): Promise<void> {
  const started = Date.now();
  const lines: string[] = [];
  try {
    await buildImage({ log: (line) => lines.push(line) });
  } catch (err) {
    // The build's own words (e.g. the dev-dependency guard naming a package) are the failure.
    throw new Error(`the image did not build:\n${lines.slice(-30).join('\n')}\n${(err as Error).message}`);
  }
  process.env.SCALEMAP_ASSEMBLY_LAMBDA = synthesize('lambda');
  process.env.SCALEMAP_ASSEMBLY_FARGATE = synthesize('fargate');
  console.log(
    `\nimage built and both targets synthesized in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

export function removeAssemblies(): void {
  for (const key of ['SCALEMAP_ASSEMBLY_LAMBDA', 'SCALEMAP_ASSEMBLY_FARGATE']) {
    const dir = process.env[key];
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
