import { loadConfig } from '../../../functions/api/config';
import { capPool, POOL_MAX } from '../../../functions/api/runtime/profiles';

describe('runtime profiles (the database connection budget)', () => {
  const base = { DATABASE_URL: 'postgres://app@db.example.internal/scalemap' };

  it('when nothing is set, then each runtime gets its own budget: Lambda 2, Fargate 10, jobs 1', () => {
    const config = loadConfig('local', base, {});
    expect(capPool(config, POOL_MAX.lambda).db.poolMax).toBe(2);
    expect(capPool(config, POOL_MAX.fargate).db.poolMax).toBe(10);
    expect(capPool(config, POOL_MAX.job).db.poolMax).toBe(1);
  });

  it('when DB_POOL_MAX asks for more than the runtime allows, then the runtime wins; less is kept', () => {
    expect(
      capPool(loadConfig('local', { ...base, DB_POOL_MAX: '25' }, {}), POOL_MAX.fargate).db.poolMax,
    ).toBe(10);
    expect(capPool(loadConfig('local', { ...base, DB_POOL_MAX: '4' }, {}), POOL_MAX.fargate).db.poolMax).toBe(
      4,
    );
  });
});
