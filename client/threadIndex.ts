/**
 * Every note's links in the thread from a problem to an experiment, computed once per change
 * for the whole wall (asking the wall per note would read every note once per note).
 */
import type { Note } from '../shared/wall';

export interface ThreadLinks {
  /** The note this one continues, if it is there and may be seen. */
  origin?: Note;
  /** The notes that continue this one. */
  continuations: Note[];
}

export type ThreadIndex = ReadonlyMap<string, ThreadLinks>;

const NONE: ThreadLinks = { continuations: [] };

export function threadIndex(notes: readonly Note[], visible: (note: Note) => boolean): ThreadIndex {
  // Made at the first note that continues another: a wall without threads (most of a 2,000-note
  // wall's notes) is then one pass over its notes per change, with nothing built.
  let byId: Map<string, Note> | undefined;
  const index = new Map<string, ThreadLinks>();
  const entry = (id: string) => {
    let links = index.get(id);
    if (!links) index.set(id, (links = { continuations: [] }));
    return links;
  };
  for (const note of notes) {
    if (!note.originId || !visible(note)) continue;
    byId ??= new Map(notes.map((n) => [n.id, n]));
    const origin = byId.get(note.originId);
    if (!origin || !visible(origin)) continue;
    entry(note.id).origin = origin;
    entry(origin.id).continuations.push(note);
  }
  return index;
}

export function linksOf(index: ThreadIndex, id: string): ThreadLinks {
  return index.get(id) ?? NONE;
}

/** Changes whenever what the thread shows changes: lets a memoised note skip re-rendering otherwise. */
export function threadKey(links: ThreadLinks): string {
  const part = (n: Note) => `${n.id}\u0000${n.taskId}\u0000${n.text}`;
  return [links.origin ? part(links.origin) : '', ...links.continuations.map(part)].join('\u0001');
}
