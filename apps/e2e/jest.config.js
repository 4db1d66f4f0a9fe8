import { preset } from '../../jest.preset.js';

export default preset({
  displayName: 'e2e',
  roots: ['<rootDir>/src'],
  globalSetup: '<rootDir>/global-setup.mjs',
  globalTeardown: '<rootDir>/global-teardown.mjs',
  // One browser journey at a time against one server: the journeys share the demo organisation.
  maxWorkers: 1,
  testTimeout: 120_000,
});
