import { preset } from '../../jest.preset.js';

export default preset({ displayName: 'curriculum', roots: ['<rootDir>/src'] });
