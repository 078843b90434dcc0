/**
 * One task's dot vote as this page sees it: whether this person may vote now, and how many of
 * their votes are left. The voter is this browser's device-local id (storage.ts), so anonymous
 * participants vote the same way. The server checks the same rules (permissions.ts).
 */
import { useMemo } from 'preact/hooks';
import { getAuthorId } from '../storage';
import { useWallSelect } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';

export function useVoting(taskId: string) {
  const { wall, info } = useWallContext();
  const voterId = useMemo(getAuthorId, []);
  // Selected reads: a vote button per note uses this, and re-renders only when these change.
  // From the memoised task list: the same object until the tasks change (getTask parses afresh,
  // and a new object each time would re-render every vote button on every change).
  const task = useWallSelect(wall, (w) => w.process.tasks().find((t) => t.id === taskId));
  const wallClosed = useWallSelect(wall, (w) => w.control.locked() || w.control.frozen());
  const used = useWallSelect(wall, (w) => w.votes.used(taskId, voterId));
  const allowance = task?.votesPerPerson ?? 0;
  const state = task?.voteState ?? 'off';
  // Viewers never vote; nobody but the facilitator writes in a locked task or wall.
  const mayVote =
    state === 'open' && info.role !== 'viewer' && (info.role === 'facilitator' || (!task?.locked && !wallClosed));
  return { wall, task, state, voterId, used, allowance, left: Math.max(0, allowance - used), mayVote };
}
