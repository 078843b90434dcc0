/**
 * What is new on the review page between two moments (notes, comments, reactions, each with the
 * task of its note) and one short sentence that sums a burst up for a screen reader. Pure, so it
 * can be unit tested without a browser; sync/reviewNews.ts feeds it other people's transactions.
 */
import { translate, type MessageKey } from '../../shared/i18n';
import type { Language } from '../../shared/schemas';
import type { Wall } from '../../shared/wall';
import { formatList } from '../format';
import { noteStates } from './noteChanges';

export const REVIEW_NEWS_KINDS = ['notes', 'comments', 'reactions'] as const;
export type ReviewNewsKind = (typeof REVIEW_NEWS_KINDS)[number];

export interface ReviewNewsItem {
  kind: ReviewNewsKind;
  /** The task of the note that is new, or was commented or reacted to. */
  taskId: string;
}

/** One sentence for a burst, or null for none: "2 uutta kommenttia ja 1 uusi lappu". */
export function summariseReviewNews(items: readonly ReviewNewsItem[], lang: Language): string | null {
  const parts = REVIEW_NEWS_KINDS.map((kind) => [kind, items.filter((i) => i.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => translate(lang, `review.news.${kind}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n }));
  return parts.length ? formatList(parts, lang) : null;
}

/** The ids of what the review can show: notes (hidden ones count as absent), comments, reactions. */
export function reviewIds(wall: Wall): Record<ReviewNewsKind, Set<string>> {
  return {
    notes: new Set(noteStates(wall.notes()).keys()),
    comments: new Set(wall.comments.all().map((c) => c.id)),
    reactions: new Set(wall.reactions.all().map((r) => r.id)),
  };
}

/** What is in `now` and was not in `before`, each with the task of its note. */
export function arrivals(wall: Wall, before: Record<ReviewNewsKind, Set<string>>, now: Record<ReviewNewsKind, Set<string>>): ReviewNewsItem[] {
  const taskOfNote = (noteId: string) => wall.getNote(noteId)?.taskId;
  const items: ReviewNewsItem[] = [];
  const push = (kind: ReviewNewsKind, taskId: string | undefined) => {
    if (taskId) items.push({ kind, taskId });
  };
  for (const id of now.notes) if (!before.notes.has(id)) push('notes', taskOfNote(id));
  for (const c of wall.comments.all()) if (!before.comments.has(c.id)) push('comments', taskOfNote(c.noteId));
  for (const r of wall.reactions.all()) if (!before.reactions.has(r.id)) push('reactions', taskOfNote(r.noteId));
  return items;
}
