export * from './add-duty.js';
export * from './create.js';
export * from './read.js';
export * from './update.js';
