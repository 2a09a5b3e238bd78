import { ConfigError, loadConfig, requiredCloudKeys } from '../../../functions/api/config';

/** A complete cloud environment, to which each case adds or removes one thing. */
const cloudEnv: Record<string, string> = {
  AWS_REGION: 'eu-west-2',
  DB_HOST: 'proxy.example.internal',
  DB_NAME: 'scalemap',
  DB_USER: 'app',
  DB_IAM_AUTH: 'true',
  DOCUMENTS_BUCKET: 'scalemap-docs-prod',
  COGNITO_USER_POOL_ID: 'eu-west-2_abc123',
  COGNITO_CLIENT_ID: 'client123',
  EVENT_BUS_NAME: 'scalemap-bus',
  ALLOWED_ORIGINS: 'https://app.example.com, https://www.example.com',
};

/** The problems loadConfig reports, or [] when it succeeds. */
function problemsOf(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
}
// 'ALLOWED_ORIGINS.0: …' names ALLOWED_ORIGINS.
const keysIn = (problems: string[]) => [...new Set(problems.map((p) => p.split(/[:.]/)[0]))].sort();

describe('loadConfig', () => {
  it.each(['lambda', 'fargate'] as const)(
    'when nothing is set in %s mode, then one error names every required variable',
    (mode) => {
      let error: unknown;
      try {
        loadConfig(mode, {}, {});
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const { problems, message } = error as ConfigError;
      expect(keysIn(problems)).toEqual([...requiredCloudKeys].sort());
      for (const key of requiredCloudKeys) expect(message).toContain(key);
    },
  );

  it('when missing and invalid variables come together, then one error names them all', () => {
    const { DOCUMENTS_BUCKET: _, ...env } = cloudEnv;
    const problems = problemsOf(() =>
      loadConfig('fargate', { PORT: 'eighty', LOG_LEVEL: 'LOUD', ALLOWED_ORIGINS: 'not a url' }, env),
    );
    expect(keysIn(problems)).toEqual(
      expect.arrayContaining(['ALLOWED_ORIGINS', 'DOCUMENTS_BUCKET', 'LOG_LEVEL', 'PORT']),
    );
  });

  it('when DATABASE_URL is given, then the DB_* parts are not required', () => {
    const { DB_HOST: _h, DB_NAME: _n, DB_USER: _u, ...env } = cloudEnv;
    const config = loadConfig(
      'lambda',
      { DATABASE_URL: 'postgres://app@db.example.internal:5432/scalemap' },
      env,
    );
    expect(config.db.url).toBe('postgres://app@db.example.internal:5432/scalemap');
    expect(keysIn(problemsOf(() => loadConfig('lambda', {}, env)))).toEqual([
      'DB_HOST',
      'DB_NAME',
      'DB_USER',
    ]);
  });

  it('when DB_IAM_AUTH is on with DB_TLS=off, then it is rejected', () => {
    const problems = problemsOf(() => loadConfig('lambda', { DB_TLS: 'off' }, cloudEnv));
    expect(keysIn(problems)).toEqual(['DB_TLS']);
    expect(loadConfig('lambda', { DB_TLS: 'verify' }, cloudEnv).db).toMatchObject({
      iamAuth: true,
      tls: 'verify',
    });
    expect(loadConfig('lambda', { DB_IAM_AUTH: 'false', DB_TLS: 'off' }, cloudEnv).db.tls).toBe('off');
  });

  it('when DB_IAM_AUTH with DB_TLS=off comes with another invalid variable, then both are named', () => {
    const problems = problemsOf(() => loadConfig('lambda', { DB_TLS: 'off', PORT: 'eighty' }, cloudEnv));
    expect(keysIn(problems)).toEqual(['DB_TLS', 'PORT']);
  });

  it('when a cloud environment is complete, then it is typed and parsed', () => {
    const config = loadConfig('lambda', {}, cloudEnv);
    expect(config).toMatchObject({
      mode: 'lambda',
      region: 'eu-west-2',
      allowedOrigins: ['https://app.example.com', 'https://www.example.com'],
      db: {
        host: 'proxy.example.internal',
        name: 'scalemap',
        user: 'app',
        port: 5432,
        iamAuth: true,
        tls: 'verify',
        // An upper bound: each runtime profile caps it (tests/api/unit/profiles.test.ts).
        poolMax: 10,
      },
      s3: { bucket: 'scalemap-docs-prod', forcePathStyle: false },
      cognito: { userPoolId: 'eu-west-2_abc123', clientId: 'client123', autoConfirm: false },
      events: { busName: 'scalemap-bus' },
    });
    expect(loadConfig('fargate', {}, cloudEnv).db.poolMax).toBe(10);
    expect(loadConfig('fargate', { DB_POOL_MAX: '25', PORT: '8080' }, cloudEnv)).toMatchObject({
      port: 8080,
      db: { poolMax: 25 },
    });
  });

  it('when nothing is set in local mode, then the safe defaults apply', () => {
    const config = loadConfig('local', {}, {});
    expect(config).toMatchObject({
      mode: 'local',
      nodeEnv: 'production',
      logLevel: 'INFO',
      region: 'us-east-1',
      port: 3000,
      host: '0.0.0.0',
      trustProxy: 2,
      allowedOrigins: [],
      db: {
        port: 5432,
        iamAuth: false,
        tls: 'verify',
        poolMax: 10,
        connectTimeoutMs: 2000,
        statementTimeoutMs: 5000,
      },
      s3: { bucket: 'scalemap-documents', forcePathStyle: false },
      cognito: { autoConfirm: false },
      session: { ttlHours: 12 },
      rateLimit: { authMax: 20, authWindowSeconds: 900 },
      dependencyTimeoutMs: 1000,
    });
  });

  it('when booleans and numbers come as strings, then they are parsed strictly', () => {
    expect(loadConfig('local', { AUTO_CONFIRM_SIGNUPS: 'yes', S3_FORCE_PATH_STYLE: '1' }, {})).toMatchObject({
      cognito: { autoConfirm: true },
      s3: { forcePathStyle: true },
    });
    expect(keysIn(problemsOf(() => loadConfig('local', { AUTO_CONFIRM_SIGNUPS: 'maybe' }, {})))).toEqual([
      'AUTO_CONFIRM_SIGNUPS',
    ]);
    expect(keysIn(problemsOf(() => loadConfig('local', { TRUST_PROXY: '9', PORT: '70000' }, {})))).toEqual([
      'PORT',
      'TRUST_PROXY',
    ]);
  });

  it('when a base environment is passed, then process.env is not read', () => {
    const saved = process.env.PORT;
    process.env.PORT = '1234';
    try {
      expect(loadConfig('local', {}, {}).port).toBe(3000);
      expect(loadConfig('local', { PORT: '4321' }, { PORT: '1111' }).port).toBe(4321);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });
});
