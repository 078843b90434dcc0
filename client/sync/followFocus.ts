/**
 * "Bring everyone here": when the facilitator's focus counter grows, this page moves to the
 * focused task once. Owned by the live-controls work (timer, locks, votes); stub until then.
 */
import type { Wall } from '../../shared/wall';

export function useFollowFocus(_wall: Wall): void {}
