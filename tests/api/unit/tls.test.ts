import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../../functions/api/config';
import { poolConfig } from '../../../functions/api/platform/db/postgres';

/**
 * An earlier deployment shipped a TLS-verification hack for the database. These tests fail the
 * build if one comes back, in code or in config.
 */
const cloudEnv = {
  AWS_REGION: 'eu-west-1',
  DB_HOST: 'proxy.example.invalid',
  DB_NAME: 'scalemap',
  DB_USER: 'app',
  DB_IAM_AUTH: 'true',
  DOCUMENTS_BUCKET: 'docs-bucket',
  COGNITO_USER_POOL_ID: 'eu-west-1_abc',
  COGNITO_CLIENT_ID: 'client',
  EVENT_BUS_NAME: 'bus',
  ALLOWED_ORIGINS: 'https://app.example.com',
};

describe('Database TLS', () => {
  it('when the app runs in the cloud with IAM auth, then the pool verifies TLS and signs a token per connection', () => {
    const pool = poolConfig(loadConfig('lambda', cloudEnv, {}));
    expect(pool.ssl).toBe(true); // verify chain and host name with Node's trust store
    expect(typeof pool.password).toBe('function');
    expect(pool.host).toBe('proxy.example.invalid');
  });

  it('when two connections ask for the IAM password, then each gets a token signed for the proxy', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret-example' });
    try {
      const password = poolConfig(loadConfig('lambda', cloudEnv, {})).password as () => Promise<string>;
      const tokens = [await password(), await password()];
      for (const token of tokens) {
        expect(token).toMatch(/^proxy\.example\.invalid:5432\/\?Action=connect&DBUser=app&/);
        expect(token).toMatch(/X-Amz-Signature=[0-9a-f]{64}/);
      }
    } finally {
      process.env = saved;
    }
  });

  it('when config asks to turn TLS off with IAM auth, or to weaken it in the URL, then startup fails', () => {
    expect(() => loadConfig('lambda', { ...cloudEnv, DB_TLS: 'off' }, {})).toThrow(/DB_TLS/);
    for (const url of [
      'postgres://app@db.example.invalid/scalemap?sslmode=no-verify',
      'postgres://app@db.example.invalid/scalemap?ssl=false',
      'postgres://app@db.example.invalid/scalemap?sslrootcert=/tmp/evil.pem',
    ]) {
      expect(() => loadConfig('fargate', { ...cloudEnv, DATABASE_URL: url }, {})).toThrow(/DATABASE_URL/);
    }
  });

  it('when any source file is scanned, then none bypasses certificate verification', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => /\.(ts|tsx|js|cjs|mjs|json|sh)$/.test(f) && !f.endsWith('tests/api/unit/tls.test.ts'))
      .filter((f) => !f.startsWith('node_modules/') && f !== 'package-lock.json');
    expect(files.length).toBeGreaterThan(50);
    // Built from pieces so this guard does not itself read as a bypass to text scanners.
    const bypass = new RegExp(
      [
        'reject' + 'Unauthorized',
        'checkServer' + 'Identity',
        'NODE_TLS_' + 'REJECT_UNAUTHORIZED',
        'sslmode=' + 'no-verify',
      ].join('|'),
    );
    const offenders = files.filter((f) => {
      try {
        return bypass.test(readFileSync(f, 'utf8'));
      } catch {
        return false; // deleted in the working tree
      }
    });
    expect(offenders).toEqual([]);
  });
});
