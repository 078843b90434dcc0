/**
 * Fractional-index ordering. A Y.Array has no move: concurrent moves duplicate items, so each
 * note and group carries a sortable string key, and moving means writing a new key.
 */
import { generateKeyBetween } from 'fractional-indexing';

export interface Ordered {
  id: string;
  order: string;
}

/** Sort by key; ties (two clients picked the same key concurrently) fall back to the id. */
export function byOrder(a: Ordered, b: Ordered): number {
  if (a.order < b.order) return -1;
  if (a.order > b.order) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function safeKey(a: string | null, b: string | null): string {
  try {
    return generateKeyBetween(a, b);
  } catch {
    // A key written by a hostile or buggy client, or a tie: fall back to a key after `a`.
    try {
      return generateKeyBetween(a, null);
    } catch {
      return generateKeyBetween(null, null);
    }
  }
}

/**
 * The key that places an item at `index` in `siblings` (sorted, not containing the item).
 */
export function keyAt(siblings: readonly Ordered[], index: number): string {
  const i = Math.max(0, Math.min(index, siblings.length));
  const before = siblings[i - 1]?.order ?? null;
  const after = siblings[i]?.order ?? null;
  if (before !== null && after !== null && before >= after) return safeKey(before, null);
  return safeKey(before, after);
}
