// Shared Jest settings: ESM mode, SWC transform (fast, keeps decorator metadata for Nest),
// and workspace libraries mapped to their TypeScript sources so tests never need a build.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));

export function preset(overrides = {}) {
  return {
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    transform: {
      '^.+\\.tsx?$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true, tsx: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
            keepClassNames: true,
          },
          module: { type: 'es6' },
          sourceMaps: 'inline',
        },
      ],
    },
    moduleNameMapper: {
      '^@countersign/contracts/(.*)$': path.join(root, 'libs/contracts/src/$1/index.ts'),
      '^@countersign/scenario-engine$': path.join(root, 'libs/scenario-engine/src/index.ts'),
      '^@countersign/curriculum$': path.join(root, 'libs/curriculum/src/index.ts'),
      '^@countersign/approach-checker$': path.join(root, 'libs/approach-checker/src/index.ts'),
      '^@countersign/migrations$': path.join(root, 'migrations/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    testMatch: ['**/?(*.)+(spec|test).ts'],
    ...overrides,
  };
}
