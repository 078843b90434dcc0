/**
 * How a task's column is ordered. Once the votes may be seen (the vote is closed, or open with
 * the counts shown), the notes with most votes come first; ties keep the groups' own order.
 */
import type { Task } from '../shared/process';

/** Whether the task's vote results order its columns. */
export function votesOrderColumns(task: Pick<Task, 'voteState' | 'hideVoteCounts'> | undefined): boolean {
  if (!task) return false;
  return task.voteState === 'closed' || (task.voteState === 'open' && !task.hideVoteCounts);
}

/** `notes` (already in their normal order) by vote count, descending; a stable sort keeps ties in order. */
export function orderByVotes<N extends { id: string }>(notes: readonly N[], counts: ReadonlyMap<string, number>): N[] {
  return notes
    .map((note, i) => ({ note, i, n: counts.get(note.id) ?? 0 }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.note);
}
