/** Jest: one project per subject, all transformed by SWC (no type-checking here; `npm run typecheck` does that). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'mjs', 'json'],
  // cdk.out holds staged copies of the repo (with package.json files Jest would see twice).
  modulePathIgnorePatterns: ['<rootDir>/cdk.out/'],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60_000,
  // A suite whose cleanup never ran (a failed assertion before a server's stop) must not keep Jest,
  // and CI, waiting on open handles: report and exit.
  forceExit: true,
  projects: [
    {
      ...base,
      displayName: 'api',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/tests/api/**/*.test.ts',
        '<rootDir>/tests/container/**/*.test.ts',
        '<rootDir>/tests/faults/**/*.test.ts',
        '<rootDir>/tests/security/**/*.test.ts',
      ],
    },
    {
      ...base,
      displayName: 'stacks',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/stacks/**/*.test.ts'],
      setupFilesAfterEnv: ['aws-cdk-lib/testhelpers/jest-autoclean'],
    },
    {
      ...base,
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/client/**/*.test.ts?(x)'],
    },
    {
      ...base,
      // The real image, built by podman and run as each target runs it (container/rehearse).
      displayName: 'image',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/image/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/image/global-setup.ts',
      globalTeardown: '<rootDir>/tests/image/global-teardown.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
  ],
};
