/**
 * Redaction, end to end through the real logger's construction: a child process logs a password, an
 * Authorization header, a session cookie and a JWT inside an error, and we read its stdout. Removing
 * the redacting replacer from createLogger makes this fail (the unit test of the replacer alone would not).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

describe('createLogger (what reaches stdout)', () => {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'fixtures/log-secrets.ts')],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      timeout: 30_000,
    },
  );
  // Powertools writes warnings and errors to stderr: both streams are what CloudWatch receives.
  const output = `${run.stdout}${run.stderr}`;
  const lines = output
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('when secrets are logged, then the process still writes one JSON line per call', () => {
    expect(run.status).toBe(0);
    expect(lines.map((l) => l.message)).toEqual(['login attempt', 'upstream failed']);
  });

  it('when a password, an Authorization header, a cookie and a JWT are logged, then none of them reaches stdout', () => {
    for (const secret of [
      'hunter2-Plaintext!',
      'eyJhbGciOiJSUzI1NiJ9',
      's3cr3t-cookie-value',
      'c2lnbmF0dXJl',
    ]) {
      expect(output).not.toContain(secret);
    }
    const first = lines[0] as { password: string; headers: { authorization: string; cookie: string } };
    expect(first.password).not.toBe('hunter2-Plaintext!');
    expect(first.headers.authorization).not.toContain('eyJ');
  });
});
