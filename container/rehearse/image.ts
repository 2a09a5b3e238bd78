/**
 * Builds the real container/Dockerfile with podman, on the stand-in bases, exactly as CDK's
 * DockerImageAsset would build it (context = repo root, .dockerignore applied).
 *
 * The registry is reached through a TLS proxy whose CA is only in the host's bundle, so the build
 * mounts that bundle and an npmrc pointing at it, plus the host's npm cache: mounts exist only while
 * a RUN step runs and are never part of a layer.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureStandInBases, LAMBDA_BASE } from './bases';
import { assertPodman, imageSize, podmanStream, ROOT } from './podman';

export const IMAGE = 'localhost/scalemap:rehearse';
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

export interface ImageReport {
  image: string;
  sizeBytes: number;
  baseBytes: number;
  /** What the runtime stage adds above its base (the Lambda base image). */
  addedBytes: number;
}

export interface BuildOptions {
  /** The build context (default: the repo root, as CDK's image asset uses). */
  context?: string;
  tag?: string;
  log?: (line: string) => void;
}

/** Builds the image (layer-cached: an unchanged tree rebuilds in seconds) and reports its sizes. */
export async function buildImage(opts: BuildOptions = {}): Promise<ImageReport> {
  const log = opts.log ?? console.log;
  const tag = opts.tag ?? IMAGE;
  const context = opts.context ?? ROOT;
  assertPodman();
  await ensureStandInBases(log);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'scalemap-image-'));
  try {
    const args = ['build', '--pull=never', '--network=host', '-f', 'container/Dockerfile', '-t', tag];
    if (existsSync(CA_BUNDLE)) {
      const npmrc = path.join(tmp, 'npmrc');
      writeFileSync(npmrc, `cafile=${CA_BUNDLE}\nfund=false\naudit=false\nupdate-notifier=false\n`);
      args.push('-v', `${CA_BUNDLE}:${CA_BUNDLE}:ro`, '-v', `${npmrc}:/root/.npmrc:ro`);
    }
    const cache = path.join(os.homedir(), '.npm/_cacache');
    if (existsSync(cache)) args.push('-v', `${cache}:/root/.npm/_cacache`);
    log(`image: podman ${args.slice(0, 6).join(' ')} … ${tag}`);
    await podmanStream([...args, context], (line) => log(`  ${line}`), { cwd: context });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const sizeBytes = imageSize(tag);
  const baseBytes = imageSize(LAMBDA_BASE);
  return { image: tag, sizeBytes, baseBytes, addedBytes: sizeBytes - baseBytes };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

if (require.main === module) {
  buildImage()
    .then((r) => {
      console.log(
        `\n${r.image}: ${mb(r.sizeBytes)} in all; the base ${mb(r.baseBytes)}; our runtime stage adds ${mb(r.addedBytes)}`,
      );
    })
    .catch((err: Error) => {
      console.error(err.message);
      process.exit(1);
    });
}
