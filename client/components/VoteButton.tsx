/** A note's dot-vote control and count. Stub until the live-controls work lands. */
import type { Note } from '../../shared/wall';

export function VoteButton(_props: { note: Note }) {
  return null;
}
