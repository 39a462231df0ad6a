export * from './file.js';
export * from './import.js';
export * from './list.js';
export * from './read.js';
export * from './correct-stat-report.js';
export * from './move-stat-report.js';
export * from './summary.js';
