import type { TaskAction, TaskDetail } from '@lianxi/domain';
import { chaseTask, useInvalidateTasks } from '../../api/tasks';
import { UrgeActions } from '../../components/UrgeActions';

/** A supervisor's 催办 / 督办 by hand, while the task's clock runs. */
export function SupervisorActions({
  task,
  actions,
}: {
  task: TaskDetail;
  /** What `taskActions` offers the viewer now. */
  actions: readonly TaskAction[];
}) {
  const invalidate = useInvalidateTasks();
  if (!actions.includes('urge')) return null;
  return (
    <UrgeActions
      send={(kind, note) => chaseTask(task.id, kind, { note, version: task.version })}
      onDone={invalidate}
    />
  );
}
