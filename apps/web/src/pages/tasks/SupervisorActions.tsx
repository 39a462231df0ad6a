import { CLOCK_RUNS, type TaskDetail } from '@lianxi/domain';
import { useInvalidateTasks } from '../../api/queries';
import { UrgeActions } from '../../components/UrgeActions';

/** A supervisor's 催办 / 督办 by hand, while the task's clock runs. */
export function SupervisorActions({ task }: { task: TaskDetail }) {
  const invalidate = useInvalidateTasks();
  if (!CLOCK_RUNS.includes(task.status)) return null;
  return <UrgeActions path={`/api/tasks/${task.id}`} version={task.version} onDone={invalidate} />;
}
