/**
 * Which of the person's notes the server does not have: after a refused change (the facilitator
 * locked the task just before the note arrived) the note lives only in this page's copy of the
 * wall, and the page drops that copy to come back online. Whatever is listed here is shown to
 * the person to copy and post again, so nothing they wrote disappears without a word.
 *
 * Pure: reads both walls, changes neither.
 */
import type { NoteColor } from '../../shared/schemas';
import { EXPERIMENT_FIELDS, type Experiment, type ExperimentField, type Note, type Wall } from '../../shared/wall';

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
  /** An experiment card's filled-in fields as written here (absent on other notes). */
  experiment?: Experiment;
}

/**
 * The notes of `local` that `isMine` accepts whose text, or an experiment card field written
 * here, `server` never received: a new note the server refused, or a refused edit. Decided by
 * what the server has seen, not by what it still holds: a note the facilitator deleted or
 * redacted meanwhile is absent or different there, but its text reached the server, so nothing
 * of the person's was lost here. Only the person's own notes: someone else's are theirs to keep.
 */
export function unsavedNotes(local: Wall, server: Wall, isMine: (note: Note) => boolean): UnsavedNote[] {
  const saved = new Map(server.notes().map((n) => [n.id, n]));
  // Only what was written here counts: an empty value the server lacks loses nothing.
  const lacks = (n: Note, field: 'text' | ExperimentField, here: string | undefined, there: string | undefined) =>
    !!here?.trim() && here !== there && !local.noteFieldReceivedBy(n.id, field, server.doc);
  return local
    .notes()
    .filter((n) => {
      if (!isMine(n)) return false;
      const s = saved.get(n.id);
      return lacks(n, 'text', n.text, s?.text) || EXPERIMENT_FIELDS.some((f) => lacks(n, f, n.experiment[f], s?.experiment[f]));
    })
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
 * The carried-over notes whose text is still on no note of the synced wall (for an experiment
 * card: its text with every field carried). A note posted again (by copying its text) or saved
 * after all drops out, whatever its id.
 */
export function stillUnsaved(carried: readonly UnsavedNote[], server: Wall): UnsavedNote[] {
  if (carried.length === 0) return [];
  const onWall = server.notes();
  const texts = new Set(onWall.map((n) => n.text.trim()));
  return carried.filter((c) => {
    if (!texts.has(c.text.trim())) return true;
    // An experiment card counts as back only with every field written here.
    const fields = EXPERIMENT_FIELDS.filter((f) => c.experiment?.[f]);
    if (fields.length === 0) return false;
    return !onWall.some((n) => n.text.trim() === c.text.trim() && fields.every((f) => n.experiment[f] === c.experiment![f]));
  });
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
    ...(EXPERIMENT_FIELDS.some((f) => note.experiment[f]) ? { experiment: { ...note.experiment } } : {}),
  };
}
