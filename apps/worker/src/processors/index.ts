import type { QueueName } from '@lianxi/queue';
import { maintenanceProcessors } from './maintenance.js';
import type { Processors } from './types.js';

/** Every queue of the registry must have its processors here, or this does not compile. */
export const PROCESSORS: { [Q in QueueName]: Processors<Q> } = {
  maintenance: maintenanceProcessors,
};
