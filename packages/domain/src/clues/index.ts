export * from './schemas.js';
export * from './subject-key.js';
export * from './routing.js';
export * from './attachments.js';
export * from './detail.js';
