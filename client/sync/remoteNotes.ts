/**
 * Other people's changes to notes, announced politely and summarised: new notes, edits, moves and
 * deletions that arrive from elsewhere (not this tab's own transactions) are collected for a short
 * while and then announced once, e.g. "3 uutta lappua ryhmässä Ryhmä 2" or "Ryhmä 2: 2 lappua
 * muokattu ja 1 lappu siirretty" (sync/noteChanges.ts words it).
 *
 * Only the task this page shows is announced. Changes in other tasks are not: the user cannot see
 * those notes, so news of them would be noise, and when the user opens that task they read it.
 * What is already on the wall when it first syncs is never announced (sync/burstAnnouncer.ts).
 */
import { language } from '../i18n';
import type { Wall } from '../../shared/wall';
import { announceBursts } from './burstAnnouncer';
import { advanceNoteStates, diffNoteStates, noteStates, summariseChanges, type NoteChange, type NoteState } from './noteChanges';
import type { WallSession } from './session';
import { pickedTaskId } from './viewedTask';

/**
 * The task the page shows, outside a component: the same rule as useViewedTaskId in
 * viewedTask.ts (the picked task if it exists, else the current one, else the first). Read when a
 * burst is announced, so a change of view in between counts.
 */
function viewedTaskId(wall: Wall): string | null {
  const tasks = wall.process.tasks();
  const has = (id: string | null) => id !== null && tasks.some((t) => t.id === id);
  const picked = pickedTaskId.peek();
  if (has(picked)) return picked;
  const current = wall.control.currentTaskId();
  return has(current) ? current : (tasks[0]?.id ?? null);
}

export function announceRemoteNotes(session: WallSession): () => void {
  const { wall } = session;
  return announceBursts<Map<string, NoteState>, NoteChange>(session, {
    read: () => noteStates(wall.notes()),
    diff: diffNoteStates,
    // Most transactions touch a note or two: look at those, not at every note on the wall.
    advance: (known, tr) => {
      const ids = wall.notesChangedBy(tr);
      if (!ids) return undefined;
      // On the wall as notes() has it: valid, and in a group that exists.
      return advanceNoteStates(known, ids, (id) => {
        const note = wall.getNote(id);
        return note && wall.getGroup(note.groupId) ? note : undefined;
      });
    },
    shownTaskId: () => viewedTaskId(wall),
    summarise: (changes) => summariseChanges(changes, (id) => wall.getGroup(id)?.name, language.value),
  });
}
