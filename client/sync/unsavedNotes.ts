/**
 * Which of the person's notes the server does not have: after a refused change (the facilitator
 * locked the task just before the note arrived) the note lives only in this page's copy of the
 * wall, and the page drops that copy to come back online. Whatever is listed here is shown to
 * the person to copy and post again, so nothing they wrote disappears without a word.
 *
 * Pure: reads both walls, changes neither.
 */
import type { NoteColor } from '../../shared/schemas';
import type { Note, Wall } from '../../shared/wall';

export interface UnsavedNote {
  id: string;
  text: string;
  /** Where it was written, to help put it back in the same place: the group's name and the task's title. */
  group: string;
  task: string;
  /** The same place and look for posting it again. */
  groupId: string;
  taskId: string;
  color: NoteColor;
  /** The writer already chose to post it although it looked like personal data. */
  personalData: boolean;
}

/**
 * The notes of `local` that `isMine` accepts whose text `server` never received: a new note the
 * server refused, or a refused edit. Decided by what the server has seen, not by what it still
 * holds: a note the facilitator deleted or redacted meanwhile is absent or different there, but
 * its text reached the server, so nothing of the person's was lost here. Only the person's own
 * notes: someone else's are theirs to keep.
 */
export function unsavedNotes(local: Wall, server: Wall, isMine: (note: Note) => boolean): UnsavedNote[] {
  const saved = new Map(server.notes().map((n) => [n.id, n.text]));
  return local
    .notes()
    .filter((n) => isMine(n) && n.text.trim() !== '' && saved.get(n.id) !== n.text && !local.noteTextReceivedBy(n.id, server.doc))
    .map((n) => describe(local, n));
}

/** Every note of the person's on `local` that has text: what to carry over when the server could not be asked. */
export function ownNotes(local: Wall, isMine: (note: Note) => boolean): UnsavedNote[] {
  return local
    .notes()
    .filter((n) => isMine(n) && n.text.trim() !== '')
    .map((n) => describe(local, n));
}

/**
 * The carried-over notes whose text is still on no note of the synced wall. A note posted again
 * (by copying its text) or saved after all drops out, whatever its id.
 */
export function stillUnsaved(carried: readonly UnsavedNote[], server: Wall): UnsavedNote[] {
  if (carried.length === 0) return [];
  const texts = new Set(server.notes().map((n) => n.text.trim()));
  return carried.filter((n) => !texts.has(n.text.trim()));
}

/** `later` with the entries of `earlier` it does not replace (same id): a second refusal adds to the first. */
export function mergeUnsaved(earlier: readonly UnsavedNote[], later: readonly UnsavedNote[]): UnsavedNote[] {
  const ids = new Set(later.map((n) => n.id));
  return [...earlier.filter((n) => !ids.has(n.id)), ...later];
}

function describe(wall: Wall, note: Note): UnsavedNote {
  return {
    id: note.id,
    text: note.text,
    group: wall.getGroup(note.groupId)?.name ?? '',
    task: wall.process.getTask(note.taskId)?.title ?? '',
    groupId: note.groupId,
    taskId: note.taskId,
    color: note.color,
    personalData: note.personalData,
  };
}
