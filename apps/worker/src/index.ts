export { relayOutboxBatch, startOutboxRelay } from './outbox-relay.js';
export { type RunningWorker, startWorker, type WorkerDeps } from './worker.js';
