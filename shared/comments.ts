/**
 * Comments on notes, written while reviewing when the facilitator allows it (control.reviewFeedback).
 *
 *   comments  Y.Map  commentId → Y.Map { noteId, text, authorName, authorId?, authorRole?, createdAt, order }
 *
 * One flat map, like notes, so two people commenting at once never overwrite each other. An
 * anonymous comment has no authorId. authorRole is for the facilitator's report only.
 */
import * as Y from 'yjs';
import { LIMITS } from './limits';
import { randomId } from './ids';
import { keyAt } from './order';
import { CommentRecord, type ParticipantRole } from './schemas';
import { clip, readEntries, toYMap } from './ymaps';

export const COMMENTS_MAX = 10_000;

export interface Comment {
  id: string;
  noteId: string;
  text: string;
  authorName: string | null;
  authorId: string | null;
  authorRole?: ParticipantRole;
  createdAt: number;
  order: string;
}

export interface NewComment {
  noteId: string;
  text: string;
  authorName: string | null;
  authorId: string | null;
  authorRole?: ParticipantRole;
}

export class Comments {
  constructor(readonly map: Y.Map<Y.Map<unknown>>) {}

  all(): Comment[] {
    return readEntries(this.map as Y.Map<unknown>, CommentRecord).map((c) => ({ ...c, authorId: c.authorId ?? null }));
  }

  on(noteId: string): Comment[] {
    return this.all().filter((c) => c.noteId === noteId);
  }

  add(input: NewComment, now: number = Date.now()): string | undefined {
    const text = clip(input.text, LIMITS.noteTextMax);
    if (!text || this.map.size >= COMMENTS_MAX) return undefined;
    const siblings = this.on(input.noteId);
    const authorName = input.authorName === null ? null : clip(input.authorName, LIMITS.displayNameMax) || null;
    const id = randomId();
    this.map.set(
      id,
      toYMap({
        noteId: input.noteId,
        text,
        authorName,
        authorId: authorName === null || input.authorId === null ? undefined : input.authorId.slice(0, 64),
        authorRole: input.authorRole,
        createdAt: now,
        order: keyAt(siblings, siblings.length),
      }),
    );
    return id;
  }

  /** Puts back a comment as it was (import, undo). */
  restore(comment: Comment): void {
    const { id, authorId, ...record } = comment;
    this.map.set(id, toYMap({ ...record, authorId: authorId ?? undefined }));
  }

  remove(id: string): void {
    this.map.delete(id);
  }
}
