/**
 * One task's dot vote as this page sees it: whether this person may vote now, and how many of
 * their votes are left. The voter is this browser's device-local id (storage.ts), so anonymous
 * participants vote the same way. The server checks the same rules (permissions.ts).
 */
import { useMemo } from 'preact/hooks';
import { getAuthorId } from '../storage';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';

export function useVoting(taskId: string) {
  const { wall, info } = useWallContext();
  const voterId = useMemo(getAuthorId, []);
  const task = useWall(wall, (w) => w.process.getTask(taskId));
  const wallClosed = useWall(wall, (w) => w.control.locked() || w.control.frozen());
  const used = useWall(wall, (w) => w.votes.used(taskId, voterId));
  const allowance = task?.votesPerPerson ?? 0;
  const state = task?.voteState ?? 'off';
  // Viewers never vote; nobody but the facilitator writes in a locked task or wall.
  const mayVote =
    state === 'open' && info.role !== 'viewer' && (info.role === 'facilitator' || (!task?.locked && !wallClosed));
  return { wall, task, state, voterId, used, allowance, left: Math.max(0, allowance - used), mayVote };
}
