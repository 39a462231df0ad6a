export * from './access.js';
export * from './create-sub.js';
export * from './list-sub.js';
export * from './issue-down.js';
export * from './order-progress.js';
export * from './list-orders-down.js';
export * from './split-down.js';
