export * from './intake.js';
export * from './read.js';
export { openReporter, sealReporter } from './reporter-seal.js';
export * from './list-routing-rules.js';
export * from './create-routing-rule.js';
export * from './update-routing-rule.js';
export * from './delete-routing-rule.js';
export * from './route.js';
export * from './close.js';
