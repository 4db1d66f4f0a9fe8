import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preset } from '../../jest.preset.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const base = preset({ displayName: 'approach-checker', roots: ['<rootDir>/src'] });

// This library uses only the red-flag catalogue of @countersign/curriculum. Mapping the package to
// that one file (instead of the whole curriculum, modules included) keeps these tests independent
// of module content being authored in the curriculum library at the same time.
export default {
  ...base,
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '^@countersign/curriculum$': path.join(here, '../curriculum/src/red-flags.ts'),
  },
};
