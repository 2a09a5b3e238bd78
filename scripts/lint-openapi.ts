/**
 * `npm run lint:openapi`: writes the document the API serves (generated from the contract) to a
 * temp file and lints it with Redocly (recommended, see redocly.yaml) and Spectral (spectral:oas, see
 * .spectral.yaml). Either reporting an error fails the script. Both run offline.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOpenApi } from '../functions/api/openapi';

const root = path.resolve(__dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'scalemap-openapi-'));
const file = path.join(dir, 'openapi.json');
writeFileSync(file, JSON.stringify(buildOpenApi('0.0.0-lint'), null, 2));

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const runs = [
  [bin('redocly'), 'lint', file, '--config', path.join(root, 'redocly.yaml')],
  [bin('spectral'), 'lint', file, '--ruleset', path.join(root, '.spectral.yaml'), '--fail-severity', 'error'],
];
let failed = false;
for (const [cmd, ...args] of runs) {
  const result = spawnSync(cmd!, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) failed = true;
}
rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
