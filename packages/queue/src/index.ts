export * from './connection.js';
export * from './queues.js';
export * from './registry.js';
export * from './inspect.js';
