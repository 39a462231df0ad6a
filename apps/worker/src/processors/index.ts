import type { QueueName } from '@lianxi/queue';
import { clueProcessors } from './clues.js';
import { deadlineProcessors } from './deadlines.js';
import { maintenanceProcessors } from './maintenance.js';
import { notificationProcessors } from './notifications.js';
import type { Processors } from './types.js';

/** Every queue of the registry must have its processors here, or this does not compile. */
export const processors = (options: {
  reconcileEveryMs: number;
}): { [Q in QueueName]: Processors<Q> } => ({
  maintenance: maintenanceProcessors,
  deadlines: deadlineProcessors(options.reconcileEveryMs),
  notifications: notificationProcessors,
  clues: clueProcessors,
});
