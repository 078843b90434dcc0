/**
 * Other people's new notes, announced politely and summarised: notes that arrive from elsewhere
 * (not this tab's own transactions) are collected for a short while and then announced once,
 * e.g. "3 uutta lappua ryhmässä Ryhmä 2", or a total for the wall when they landed in several
 * groups. What is already on the wall when it first syncs is never announced.
 */
import { announce } from '../announce';
import { language, translator } from '../i18n';
import type { WallSession } from './session';

/** How long arriving notes are collected before one summary is announced. */
export const REMOTE_SUMMARY_DELAY_MS = 2000;

export function announceRemoteNotes(session: WallSession): () => void {
  const { doc, wall, provider } = session;
  // null until the first sync with the server: everything before that is the initial load.
  let known: Set<string> | null = null;
  /** Group id of each new note collected since the last summary. */
  let collected: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const snapshot = () => {
    if (known === null) known = new Set(wall.notes().map((n) => n.id));
  };
  if (provider.synced) snapshot();
  const onSync = (synced: boolean) => {
    if (synced) snapshot();
  };

  const flush = () => {
    timer = undefined;
    const groupIds = collected;
    collected = [];
    const t = translator(language.value);
    const total = groupIds.length;
    if (total === 0) return;
    const distinct = [...new Set(groupIds)];
    const group = distinct.length === 1 ? wall.getGroup(distinct[0]!) : undefined;
    announce(
      group
        ? t.plural('announce.remoteNotes.group', total, { group: group.name })
        : t.plural('announce.remoteNotes.wall', total),
    );
  };

  const onAfterTransaction = (tr: { local: boolean }) => {
    if (known === null) return;
    for (const note of wall.notes()) {
      if (known.has(note.id)) continue;
      known.add(note.id);
      // This tab's own notes are known from now on but announced by the form, not here.
      if (tr.local) continue;
      collected.push(note.groupId);
    }
    if (collected.length > 0 && timer === undefined) timer = setTimeout(flush, REMOTE_SUMMARY_DELAY_MS);
  };

  provider.on('sync', onSync);
  doc.on('afterTransaction', onAfterTransaction);
  return () => {
    clearTimeout(timer);
    provider.off('sync', onSync);
    doc.off('afterTransaction', onAfterTransaction);
  };
}
