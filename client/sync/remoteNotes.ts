/**
 * Other people's changes to notes, announced politely and summarised: new notes, edits, moves and
 * deletions that arrive from elsewhere (not this tab's own transactions) are collected for a short
 * while and then announced once, e.g. "3 uutta lappua ryhmässä Ryhmä 2" or "Ryhmä 2: 2 lappua
 * muokattu ja 1 lappu siirretty" (sync/noteChanges.ts words it).
 *
 * Only the task this page shows is announced. Changes in other tasks are not: the user cannot see
 * those notes, so news of them would be noise, and when the user opens that task they read it.
 * What is already on the wall when it first syncs is never announced.
 */
import { announce } from '../announce';
import { language } from '../i18n';
import type { Wall } from '../../shared/wall';
import { diffNoteStates, noteStates, summariseChanges, type NoteChange, type NoteState } from './noteChanges';
import type { WallSession } from './session';
import { pickedTaskId } from './viewedTask';

/** How long arriving changes are collected before one summary is announced. */
export const REMOTE_SUMMARY_DELAY_MS = 2000;

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
  const { doc, wall, provider } = session;
  // null until the first sync with the server: everything before that is the initial load.
  let known: Map<string, NoteState> | null = null;
  let collected: NoteChange[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const snapshot = () => {
    if (known === null) known = noteStates(wall.notes());
  };
  if (provider.synced) snapshot();
  const onSync = (synced: boolean) => {
    if (synced) snapshot();
  };

  const flush = () => {
    timer = undefined;
    const taskId = viewedTaskId(wall);
    const changes = collected.filter((c) => c.taskId === taskId);
    collected = [];
    const message = summariseChanges(changes, (id) => wall.getGroup(id)?.name, language.value);
    if (message) announce(message);
  };

  const onAfterTransaction = (tr: { local: boolean }) => {
    if (known === null) return;
    const now = noteStates(wall.notes());
    const changes = diffNoteStates(known, now);
    known = now;
    // This tab's own changes are known from now on but announced where they were made.
    if (tr.local || changes.length === 0) return;
    collected.push(...changes);
    if (timer === undefined) timer = setTimeout(flush, REMOTE_SUMMARY_DELAY_MS);
  };

  provider.on('sync', onSync);
  doc.on('afterTransaction', onAfterTransaction);
  return () => {
    clearTimeout(timer);
    provider.off('sync', onSync);
    doc.off('afterTransaction', onAfterTransaction);
  };
}
