export * from './reconcile.js';
export * from './sweep.js';
