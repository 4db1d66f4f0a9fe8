import { preset } from '../../jest.preset.js';

export default preset({ displayName: 'scenario-engine', roots: ['<rootDir>/src'] });
