export * from './intake.js';
export * from './read.js';
export { openReporter, sealReporter } from './reporter-seal.js';
export * from './routing-rules.js';
export * from './route.js';
export * from './close.js';
