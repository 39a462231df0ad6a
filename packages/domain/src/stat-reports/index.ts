export * from './figures.js';
export * from './schemas.js';
