export * from './schemas.js';
export * from './shift.js';
