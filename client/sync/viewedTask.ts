/**
 * Which task this page shows. The facilitator's current task until the user browses elsewhere;
 * "bring everyone here" (followFocus.ts) and "back to where the group is" call showTask again.
 */
import { signal } from '@preact/signals';
import type { Wall } from '../../shared/wall';
import { useWall } from './hooks';

/** The task the user picked, or null to follow the facilitator's current task. */
export const pickedTaskId = signal<string | null>(null);

export function showTask(taskId: string | null): void {
  pickedTaskId.value = taskId;
}

/** The task to show: the picked one if it still exists, else the current one, else the first. */
export function useViewedTaskId(wall: Wall): string | null {
  const picked = pickedTaskId.value;
  // useWall re-reads only when the wall changes, so the pick is applied outside it: a new pick
  // with an unchanged wall must still change the task.
  const taskIds = useWall(wall, (w) => w.process.tasks().map((t) => t.id));
  const current = useWall(wall, (w) => w.control.currentTaskId());
  const has = (id: string | null) => id !== null && taskIds.includes(id);
  if (has(picked)) return picked;
  return has(current) ? current : (taskIds[0] ?? null);
}
