/**
 * Other people's new notes, comments and reactions on the review page, announced in the polite
 * live region as one summary per burst ("2 uutta kommenttia ja 1 uusi reaktio"), the way
 * sync/remoteNotes.ts does on the wall. Only the task the review shows counts: the rest is out of
 * sight. What is on the wall at the first sync, and this tab's own writes, are never news.
 */
import { language } from '../i18n';
import { announceBursts } from './burstAnnouncer';
import { arrivals, reviewIds, summariseReviewNews } from './reviewChanges';
import type { WallSession } from './session';

/** Starts announcing; `shownTaskId` is read when a burst is told, so a change of view counts. Returns the stop function. */
export function announceReviewNews(session: WallSession, shownTaskId: () => string | null): () => void {
  const { wall } = session;
  return announceBursts(session, {
    read: () => reviewIds(wall),
    diff: (before, now) => arrivals(wall, before, now),
    shownTaskId,
    summarise: (items) => summariseReviewNews(items, language.value),
  });
}
