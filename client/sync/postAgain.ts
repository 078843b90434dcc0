/** Whether an unsaved note can go back on the wall now (components/UnsavedNoteItem.tsx posts it). */
import type { WallInfo } from '../../shared/schemas';
import type { Wall } from '../../shared/wall';
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
