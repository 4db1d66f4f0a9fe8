import { preset } from '../../jest.preset.js';

const base = preset();

export default preset({
  displayName: 'api',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  // Each file clones its own database, so files run in parallel safely.
  maxWorkers: 2,
  // Generous: on a busy 2-core CI machine a file's first request also pays for app start-up.
  testTimeout: 60_000,
  // See test/support/content-disposition.cjs: an ESM-only dependency of @fastify/static.
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '^content-disposition$': '<rootDir>/test/support/content-disposition.cjs',
  },
});
