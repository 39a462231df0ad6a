export * from './assess.js';
export * from './schemas.js';
