export * from './clock.js';
export * from './plan.js';
export * from './resume.js';
export * from './schemas.js';
export * from './stats.js';
export * from './status.js';
export * from './issue-preview.js';
export * from './actions.js';
