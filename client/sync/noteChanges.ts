/**
 * What changed in the notes between two moments, and one short sentence that sums it up for a
 * screen reader ("Ryhmä 2: 2 lappua muokattu ja 1 lappu siirretty"). Pure, so it can be unit
 * tested without a browser; sync/remoteNotes.ts feeds it other people's transactions.
 */
import type { Note } from '../../shared/wall';
import type { Language } from '../../shared/schemas';
import { translate, type MessageKey } from '../../shared/i18n';
import { formatList } from '../format';

export const CHANGE_KINDS = ['added', 'edited', 'moved', 'deleted'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface NoteChange {
  kind: ChangeKind;
  /** The note's group after the change (before it, for a deletion). */
  groupId: string;
  taskId: string;
}

/** The parts of a note whose change is worth telling: where it is and what it says. */
export interface NoteState {
  groupId: string;
  taskId: string;
  order: string;
  content: string;
}

/**
 * Notes as a screen-reader user can see them. Hidden notes count as absent: hiding is the
 * facilitator's tidy-up, and to a participant a hidden note has simply gone.
 */
export function noteStates(notes: readonly Note[]): Map<string, NoteState> {
  const out = new Map<string, NoteState>();
  for (const n of notes) {
    if (!n.hidden) out.set(n.id, stateOf(n));
  }
  return out;
}

/**
 * Brings `known` (from noteStates) up to date in place for the notes `ids`, each read now with
 * `read` (undefined: gone, or not on the wall), and returns their changes: the same changes a
 * diffNoteStates of the whole wall would find when only these notes changed, without touching
 * the other 2,000.
 */
export function advanceNoteStates(known: Map<string, NoteState>, ids: Iterable<string>, read: (id: string) => Note | undefined): NoteChange[] {
  const changes: NoteChange[] = [];
  for (const id of ids) {
    const note = read(id);
    const now = note && !note.hidden ? stateOf(note) : undefined;
    changes.push(...changesOf(known.get(id), now));
    if (now) known.set(id, now);
    else known.delete(id);
  }
  return changes;
}

/**
 * The wall's reads hand back the same Note object until that note changes (shared/docReads.ts),
 * so a note's state is worked out once per change of the note, not once per transaction: on a
 * 2,000-note wall this ran for every note after every remote change.
 */
const states = new WeakMap<Note, NoteState>();

function stateOf(n: Note): NoteState {
  let state = states.get(n);
  if (!state) {
    state = { groupId: n.groupId, taskId: n.taskId, order: n.order, content: JSON.stringify([n.text, n.color, n.experiment]) };
    states.set(n, state);
  }
  return state;
}

export function diffNoteStates(before: ReadonlyMap<string, NoteState>, after: ReadonlyMap<string, NoteState>): NoteChange[] {
  const changes: NoteChange[] = [];
  for (const [id, now] of after) changes.push(...changesOf(before.get(id), now));
  for (const [id, was] of before) {
    if (!after.has(id)) changes.push(...changesOf(was, undefined));
  }
  return changes;
}

/** One note's changes between two states (undefined: not on the wall). */
function changesOf(was: NoteState | undefined, now: NoteState | undefined): NoteChange[] {
  // The same state object: the same note object, unchanged (see stateOf).
  if (was === now) return [];
  if (!now) return [{ kind: 'deleted', groupId: was!.groupId, taskId: was!.taskId }];
  const at = { groupId: now.groupId, taskId: now.taskId };
  if (!was) return [{ kind: 'added', ...at }];
  const changes: NoteChange[] = [];
  if (was.content !== now.content) changes.push({ kind: 'edited', ...at });
  if (was.groupId !== now.groupId || was.order !== now.order) changes.push({ kind: 'moved', ...at });
  return changes;
}

/**
 * One sentence for a burst of changes, or null for none. Changes in one group are told by that
 * group's name; changes in several groups (or a group that is gone) as a total for the wall, so a
 * busy wall still gives one short message per burst.
 */
export function summariseChanges(
  changes: readonly NoteChange[],
  groupName: (groupId: string) => string | undefined,
  language: Language,
): string | null {
  if (changes.length === 0) return null;
  const count = (kind: ChangeKind) => changes.filter((c) => c.kind === kind).length;
  const plural = (base: string, n: number, params: Record<string, string | number> = {}) =>
    translate(language, `${base}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n, ...params });

  const groups = new Set(changes.map((c) => c.groupId));
  const group = groups.size === 1 ? groupName([...groups][0]!) : undefined;
  const added = count('added');
  const deleted = count('deleted');

  // The most common bursts keep their plain sentences.
  if (added === changes.length) {
    return group ? plural('announce.remoteNotes.group', added, { group }) : plural('announce.remoteNotes.wall', added);
  }
  if (deleted === 1 && changes.length === 1 && group) return translate(language, 'access.changes.deletedOne', { group });

  const parts = CHANGE_KINDS.map((kind) => [kind, count(kind)] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => plural(`access.change.${kind}`, n));
  const list = formatList(parts, language);
  return group
    ? translate(language, 'access.changes.group', { group, changes: list })
    : translate(language, 'access.changes.wall', { changes: list });
}
