/**
 * One task's dot vote as this page sees it: whether this person may vote now, and how many of
 * their votes are left. The voter is this browser's device-local id (storage.ts), so anonymous
 * participants vote the same way. The server checks the same rules (permissions.ts).
 *
 * A 2,000-note wall shows a vote button per note, so the vote is read once per page, not once per
 * button: shared signals (wallSignal) that change only when what they read changes.
 * A remote edit of a note's text changes none of them, and a vote re-renders only the buttons of
 * the notes whose count changed.
 */
import { computed, type ReadonlySignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { Task } from '../../shared/process';
import type { Role } from '../../shared/schemas';
import type { Wall } from '../../shared/wall';
import { getAuthorId } from '../storage';
import { wallSignal } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';

export interface VotingView {
  task: ReadonlySignal<Task | undefined>;
  state: ReadonlySignal<Task['voteState']>;
  /** Everyone's counts are shown (a closed vote's always; an open one's unless hidden). */
  showCount: ReadonlySignal<boolean>;
  mayVote: ReadonlySignal<boolean>;
  allowance: ReadonlySignal<number>;
  used: ReadonlySignal<number>;
  left: ReadonlySignal<number>;
  /** No votes left: what a vote button shows of `left`, so it re-renders only when this flips. */
  noneLeft: ReadonlySignal<boolean>;
  /** Votes per note: everyone's, and this person's. */
  counts: ReadonlySignal<ReadonlyMap<string, number>>;
  mine: ReadonlySignal<ReadonlyMap<string, number>>;
}

const views = new WeakMap<Wall, Map<string, VotingView>>();

/** The task's vote for this voter and role, one per page (every button of the task shares it). */
export function votingView(wall: Wall, taskId: string, voterId: string, role: Role): VotingView {
  let byKey = views.get(wall);
  if (!byKey) views.set(wall, (byKey = new Map()));
  const key = `${taskId}\n${voterId}\n${role}`;
  let view = byKey.get(key);
  if (view) return view;
  // From the memoised task list: the same object until the tasks change (getTask parses afresh).
  const task = wallSignal(wall, `vote.task:${taskId}`, (w) => w.process.tasks().find((t) => t.id === taskId));
  const wallClosed = wallSignal(wall, 'vote.wallClosed', (w) => w.control.locked() || w.control.frozen());
  const used = wallSignal(wall, `vote.used:${taskId}:${voterId}`, (w) => w.votes.used(taskId, voterId));
  const state = computed(() => task.value?.voteState ?? 'off');
  const allowance = computed(() => task.value?.votesPerPerson ?? 0);
  const left = computed(() => Math.max(0, allowance.value - used.value));
  view = {
    task,
    state,
    showCount: computed(() => state.value === 'closed' || !task.value?.hideVoteCounts),
    // Viewers never vote; nobody but the facilitator writes in a locked task or wall.
    mayVote: computed(() => state.value === 'open' && role !== 'viewer' && (role === 'facilitator' || (!task.value?.locked && !wallClosed.value))),
    allowance,
    used,
    left,
    noneLeft: computed(() => left.value === 0),
    counts: wallSignal(wall, `vote.counts:${taskId}`, (w) => w.votes.counts(taskId)),
    mine: wallSignal(wall, `vote.mine:${taskId}:${voterId}`, (w) => w.votes.mine(taskId, voterId)),
  };
  byKey.set(key, view);
  return view;
}

/** The task's vote for this page's person: the shared view, and the wall and voter to write with. */
export function useVotingView(taskId: string) {
  const { wall, info } = useWallContext();
  const voterId = useMemo(getAuthorId, []);
  return { wall, voterId, view: votingView(wall, taskId, voterId, info.role) };
}

/** The task's vote as plain values; reading them subscribes the component to each. */
export function useVoting(taskId: string) {
  const { wall, voterId, view } = useVotingView(taskId);
  return {
    wall,
    task: view.task.value,
    state: view.state.value,
    voterId,
    used: view.used.value,
    allowance: view.allowance.value,
    left: view.left.value,
    mayVote: view.mayVote.value,
  };
}
