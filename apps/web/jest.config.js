import { preset } from '../../jest.preset.js';

// Components are rendered to static markup with react-dom/server in the node environment: the
// tests assert on the HTML a browser would receive, without a DOM emulation.
export default preset({
  displayName: 'web',
  roots: ['<rootDir>/src'],
  testMatch: ['**/?(*.)+(spec|test).ts?(x)'],
  moduleNameMapper: {
    ...preset().moduleNameMapper,
    '\\.css$': '<rootDir>/test/style-stub.js',
  },
});
