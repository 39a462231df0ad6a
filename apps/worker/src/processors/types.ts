import type { BaseCtx } from '@lianxi/core';
import type { JobName, JobPayload, QueueName, QueueSet } from '@lianxi/queue';

export interface WorkerCtx extends BaseCtx {
  queues: QueueSet;
}

/** A queue's processors: one handler per job name the registry gives that queue. */
export type Processors<Q extends QueueName> = {
  [J in JobName<Q>]: (payload: JobPayload<Q, J>, ctx: WorkerCtx) => Promise<void>;
};
