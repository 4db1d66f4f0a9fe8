export * from './model.js';
export * from './validate.js';
export * from './play.js';
export * from './quiz.js';
export * from './retry-policy.js';
export * from './diff.js';
export * from './text.js';
export * from './schema-issues.js';
