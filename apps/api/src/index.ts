export { buildApp } from './app.js';
export type { AppDeps } from './deps.js';
export { openApiDeps } from './runtime.js';
