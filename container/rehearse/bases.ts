/**
 * Stand-in base images under the exact names container/Dockerfile uses, so the production
 * Dockerfile builds here unchanged (no registry is reachable): Debian bookworm from mmdebstrap,
 * Node 24 from the npm `node` package, npm from the system, aws-lambda-ric from npm.
 * Each image carries a content hash of its inputs; a second run with the same inputs costs seconds.
 * docs/decisions/0008-image-rehearsal.md says what these prove and what they do not.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { imageLabel, podmanStream, podmanSync, ROOT } from './podman';

/** The base image names container/Dockerfile pulls (FROM lines). */
export const BUILD_BASE = 'public.ecr.aws/docker/library/node:24-bookworm-slim';
export const LAMBDA_BASE = 'public.ecr.aws/lambda/nodejs:24';
const DEBIAN_BASE = 'localhost/scalemap-stand-in/debian';
const HASH_LABEL = 'scalemap.stand-in.hash';

const BASES_DIR = path.join(ROOT, 'container/stand-in-bases');
const NODE_BIN = path.join(ROOT, 'node_modules/node/bin/node');
/**
 * The runtime interface client, pinned by version and registry integrity. Its install scripts build
 * curl and aws-lambda-cpp from source for the native rapid-client.node (minutes), so the result is
 * cached outside the repo, per machine.
 */
const RIC = {
  version: '4.0.2',
  integrity:
    'sha512-FE5Vskx7mYNnqAnWWJXUOsLp2VGgdsJsCoRLFTa8L4Yk0QVtArqR8q58yPA++QC1a73ZWJXBQ2AH31nIAv7NOQ==',
};
const CACHE_DIR = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'scalemap');
/** The npm that ships with the system Node (the Node 24 package ships no npm). */
const NPM_DIR = '/usr/lib/node_modules/npm';
const MMDEBSTRAP = ['--variant=minbase', '--include=ca-certificates', 'bookworm'];

function sha256(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
}

function fileHash(file: string): string {
  return sha256(readFileSync(file));
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function needFile(file: string, hint: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: ${hint}`);
}

async function buildImage(
  name: string,
  hash: string,
  containerfile: string,
  context: string,
  log: (line: string) => void,
  buildArgs: Record<string, string> = {},
): Promise<void> {
  const args = ['build', '--pull=never', '--network=host', '-q', '-f', containerfile, '-t', name];
  for (const [k, v] of Object.entries(buildArgs)) args.push('--build-arg', `${k}=${v}`);
  await podmanStream([...args, '--label', `${HASH_LABEL}=${hash}`, context], (l) => log(`  ${l}`));
}

/** Debian bookworm minbase, imported from an mmdebstrap tarball. */
async function debianBase(log: (line: string) => void): Promise<string> {
  const hash = sha256(MMDEBSTRAP.join(' '));
  const name = `${DEBIAN_BASE}:${hash}`;
  if (imageLabel(name, HASH_LABEL) === hash) return name;
  const mmdebstrap = spawnSync('mmdebstrap', ['--version'], { encoding: 'utf8' });
  if (mmdebstrap.status !== 0) throw new Error('mmdebstrap is not installed: apt-get install -y mmdebstrap');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-debian-'));
  try {
    const tar = path.join(dir, 'rootfs.tar');
    log(`stand-in base: mmdebstrap ${MMDEBSTRAP.join(' ')} (about a minute)`);
    const out = spawnSync('mmdebstrap', ['-q', ...MMDEBSTRAP, tar], { encoding: 'utf8', timeout: 600_000 });
    if (out.status !== 0) throw new Error(`mmdebstrap failed:\n${out.stderr}`);
    podmanSync(['import', '-q', '--change', `LABEL ${HASH_LABEL}=${hash}`, tar, name], {
      timeoutMs: 300_000,
    });
    return name;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Installs (once per machine) and returns the folder of the built aws-lambda-ric package. */
function ensureRic(log: (line: string) => void): string {
  const project = path.join(CACHE_DIR, `aws-lambda-ric-${RIC.version}`);
  const pkg = path.join(project, 'node_modules/aws-lambda-ric');
  const marker = path.join(project, 'integrity');
  const built = existsSync(path.join(pkg, 'rapid-client.node'));
  if (built && existsSync(marker) && readFileSync(marker, 'utf8') === RIC.integrity) return pkg;
  log(
    `stand-in base: building aws-lambda-ric@${RIC.version} (its native client compiles curl: minutes, once per machine)`,
  );
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({
      name: 'scalemap-ric-stand-in',
      private: true,
      dependencies: { 'aws-lambda-ric': RIC.version },
      allowScripts: { 'aws-lambda-ric': true },
    }),
  );
  const out = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: project,
    encoding: 'utf8',
    timeout: 1_800_000,
  });
  if (out.status !== 0 || !existsSync(path.join(pkg, 'rapid-client.node'))) {
    throw new Error(
      `aws-lambda-ric did not build (needs cmake, make, g++ and python3):\n${out.stderr.slice(-3000)}`,
    );
  }
  const lock = JSON.parse(readFileSync(path.join(project, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { integrity?: string }>;
  };
  const integrity = lock.packages['node_modules/aws-lambda-ric']?.integrity;
  if (integrity !== RIC.integrity)
    throw new Error(`aws-lambda-ric@${RIC.version}: unexpected integrity ${integrity}`);
  writeFileSync(marker, integrity);
  return pkg;
}

/** The runtime files of the built client: its bundled entry, package.json and the native addon. */
function ricRuntimeFiles(pkg: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-ric-'));
  for (const f of ['index.mjs', 'package.json', 'rapid-client.node'])
    cpSync(path.join(pkg, f), path.join(dir, f));
  return dir;
}

/** A build context holding hard links (or copies) of the stand-ins' inputs. */
function stageContext(entries: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-base-ctx-'));
  for (const [name, from] of Object.entries(entries)) {
    const to = path.join(dir, name);
    if (statSync(from).isDirectory()) {
      cpSync(from, to, { recursive: true });
      continue;
    }
    try {
      linkSync(from, to); // the 120 MB node binary: a link, not a copy
    } catch {
      cpSync(from, to);
    }
  }
  return dir;
}

/**
 * Makes sure both stand-in bases exist and match their inputs; builds what is missing or stale.
 * @returns the base image names, as the Dockerfile names them
 */
export async function ensureStandInBases(log: (line: string) => void = console.log): Promise<string[]> {
  needFile(NODE_BIN, 'run npm ci (the npm `node` package provides Node 24)');
  needFile(path.join(NPM_DIR, 'package.json'), 'the system npm is expected at /usr/lib/node_modules/npm');
  const debian = await debianBase(log);
  const ric = ricRuntimeFiles(ensureRic(log));
  const common = [debian, fileHash(NODE_BIN), packageVersion(NPM_DIR)];
  const bases: { name: string; containerfile: string; inputs: Record<string, string>; hash: string }[] = [
    {
      name: BUILD_BASE,
      containerfile: 'Containerfile.node',
      inputs: { node: NODE_BIN, npm: NPM_DIR },
      hash: sha256(...common, fileHash(path.join(BASES_DIR, 'Containerfile.node'))),
    },
    {
      name: LAMBDA_BASE,
      containerfile: 'Containerfile.lambda',
      inputs: {
        node: NODE_BIN,
        'aws-lambda-ric': ric,
        'lambda-entrypoint.sh': path.join(BASES_DIR, 'lambda-entrypoint.sh'),
        bootstrap: path.join(BASES_DIR, 'bootstrap'),
      },
      hash: sha256(
        ...common,
        RIC.integrity,
        ...['Containerfile.lambda', 'lambda-entrypoint.sh', 'bootstrap'].map((f) =>
          fileHash(path.join(BASES_DIR, f)),
        ),
      ),
    },
  ];
  for (const base of bases) {
    if (imageLabel(base.name, HASH_LABEL) === base.hash) {
      log(`stand-in base: ${base.name} is up to date (${base.hash})`);
      continue;
    }
    log(`stand-in base: building ${base.name} (${base.hash})`);
    const context = stageContext(base.inputs);
    try {
      await buildImage(base.name, base.hash, path.join(BASES_DIR, base.containerfile), context, log, {
        DEBIAN_BASE: debian,
      });
    } finally {
      rmSync(context, { recursive: true, force: true });
    }
  }
  rmSync(ric, { recursive: true, force: true });
  return bases.map((b) => b.name);
}
