/**
 * Other people's new notes, comments and reactions on the review page, announced in the polite
 * live region as one summary per burst ("2 uutta kommenttia ja 1 uusi reaktio"), the way
 * sync/remoteNotes.ts does on the wall. Only the task the review shows counts: the rest is out of
 * sight. What is on the wall at the first sync, and this tab's own writes, are never news.
 */
import { announce } from '../announce';
import { language } from '../i18n';
import { arrivals, reviewIds, summariseReviewNews, type ReviewNewsItem, type ReviewNewsKind } from './reviewChanges';
import { REMOTE_SUMMARY_DELAY_MS } from './remoteNotes';
import type { WallSession } from './session';

/** Starts announcing; `shownTaskId` is read when a burst is told, so a change of view counts. Returns the stop function. */
export function announceReviewNews(session: WallSession, shownTaskId: () => string | null): () => void {
  const { doc, wall, provider } = session;
  // null until the first sync with the server: everything before that is the initial load.
  let known: Record<ReviewNewsKind, Set<string>> | null = null;
  let collected: ReviewNewsItem[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const snapshot = () => {
    if (known === null) known = reviewIds(wall);
  };
  if (provider.synced) snapshot();
  const onSync = (synced: boolean) => {
    if (synced) snapshot();
  };

  const flush = () => {
    timer = undefined;
    const taskId = shownTaskId();
    const message = summariseReviewNews(
      collected.filter((i) => i.taskId === taskId),
      language.value,
    );
    collected = [];
    if (message) announce(message);
  };

  const onAfterTransaction = (tr: { local: boolean }) => {
    if (known === null) return;
    const now = reviewIds(wall);
    const items = tr.local ? [] : arrivals(wall, known, now);
    known = now;
    if (items.length === 0) return;
    collected.push(...items);
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
