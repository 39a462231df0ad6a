export * from './intake.js';
export * from './read.js';
export { openReporter, sealReporter } from './reporter-seal.js';
export * from './routing-rules.js';
export * from './answer-handoff.js';
export * from './handoff-boxes.js';
export * from './route.js';
export * from './send-handoff.js';
