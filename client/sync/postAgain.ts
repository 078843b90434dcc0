/** Whether an unsaved note can go back on the wall now, and writing it back (components/UnsavedNoteItem.tsx offers both). */
import type { WallInfo } from '../../shared/schemas';
import { EXPERIMENT_FIELDS, type ExperimentField, type Wall } from '../../shared/wall';
import { permissions } from '../views/wallContext';
import type { UnsavedNote } from './unsavedNotes';

/**
 * May this page post an unsaved note again now, by the same rules the page shows for writing
 * (the server still decides). Read by the list, which follows the wall's changes: its items
 * re-render only on new props.
 */
export function mayPostAgain(note: UnsavedNote, wall: Wall, info: Pick<WallInfo, 'role' | 'groupId'>): boolean {
  // An edit goes into the note where it is now (the facilitator may have moved it meanwhile).
  const current = wall.getNote(note.id);
  if (current?.hidden) return false;
  const { groupId, taskId } = current ?? note;
  if (!permissions(info).canWriteIn(groupId) || !wall.getGroup(groupId)) return false;
  const task = wall.process.getTask(taskId);
  if (!task) return false;
  return info.role === 'facilitator' || !(task.locked || wall.control.locked() || wall.control.frozen());
}

/** What posting an unsaved note again did: saved into the note the wall still has, added anew, or refused by the page's own limits. */
export type PostedAgain = { kind: 'edited'; id: string } | { kind: 'added'; id: string } | { kind: 'failed' };

/**
 * Writes an unsaved note back: into the note the wall still has (a refused edit), or as a new
 * note where it was written. Either way the text and an experiment card's fields are one
 * transaction, so one update: the server stores or refuses them together, never the note alone.
 * `author`: who posts it now, as the note form gives it (null: anonymous, no identifier).
 */
/** The experiment card fields an unsaved note carries (listed, copied and posted with its text). */
export const carriedFields = (note: UnsavedNote): ExperimentField[] => EXPERIMENT_FIELDS.filter((f) => note.experiment?.[f]);

export function postAgain(wall: Wall, note: UnsavedNote, author: { name: string; id: string } | null): PostedAgain {
  const fields = carriedFields(note);
  const putFields = (id: string) => {
    for (const f of fields) wall.setExperimentField(id, f, note.experiment![f]!);
  };
  const edited = wall.getNote(note.id);
  if (edited) {
    wall.doc.transact(() => {
      wall.updateNoteText(edited.id, note.text, note.personalData);
      putFields(edited.id);
    });
    return { kind: 'edited', id: edited.id };
  }
  let id: string | undefined;
  wall.doc.transact(() => {
    id = wall.addNote({
      groupId: note.groupId,
      taskId: note.taskId,
      text: note.text,
      color: note.color,
      authorName: author?.name ?? null,
      authorId: author?.id ?? null,
      personalData: note.personalData,
    });
    if (id) putFields(id);
  });
  return id ? { kind: 'added', id } : { kind: 'failed' };
}
