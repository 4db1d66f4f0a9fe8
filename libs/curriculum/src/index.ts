export * from './red-flags.js';
export * from './modules/index.js';
