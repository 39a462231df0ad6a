export * from './assessment.js';
export * from './create.js';
export * from './list.js';
export * from './read.js';
export * from './record.js';
export * from './transition.js';
export * from './update.js';
export * from './measure.js';
