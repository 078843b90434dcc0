/**
 * Reactions to notes while reviewing: "I agree" and "I recognise this" (from my own experience),
 * each its own kind, one per person, kind and note.
 *
 *   reactions  Y.Map  reactionId → Y.Map { noteId, kind, reactorId, reactorRole? }
 *
 * reactorId is the device-local pseudonym votes use too (client/storage.ts); reactorRole is for
 * the facilitator's report only.
 */
import * as Y from 'yjs';
import { randomId } from './ids';
import { ReactionRecord, type ParticipantRole, type ReactionKind } from './schemas';
import { readEntry, toYMap } from './ymaps';

export const REACTIONS_MAX = 50_000;

export interface Reaction {
  id: string;
  noteId: string;
  kind: ReactionKind;
  reactorId: string;
  reactorRole?: ParticipantRole;
}

export class Reactions {
  constructor(readonly map: Y.Map<Y.Map<unknown>>) {}

  all(): Reaction[] {
    const out: Reaction[] = [];
    this.map.forEach((value, id) => {
      const r = readEntry(value, ReactionRecord);
      if (r) out.push({ id, ...r });
    });
    return out;
  }

  on(noteId: string): Reaction[] {
    return this.all().filter((r) => r.noteId === noteId);
  }

  count(noteId: string, kind: ReactionKind): number {
    return this.on(noteId).filter((r) => r.kind === kind).length;
  }

  mine(noteId: string, kind: ReactionKind, reactorId: string): Reaction | undefined {
    return this.on(noteId).find((r) => r.kind === kind && r.reactorId === reactorId);
  }

  /** Adds the reaction, or takes it back when the person already gave it. Returns whether it is now on. */
  toggle(noteId: string, kind: ReactionKind, reactorId: string, reactorRole?: ParticipantRole): boolean {
    const existing = this.mine(noteId, kind, reactorId);
    if (existing) {
      this.map.delete(existing.id);
      return false;
    }
    if (this.map.size >= REACTIONS_MAX) return false;
    this.map.set(randomId(), toYMap({ noteId, kind, reactorId: reactorId.slice(0, 64), reactorRole }));
    return true;
  }

  restore(reaction: Reaction): void {
    const { id, ...record } = reaction;
    this.map.set(id, toYMap({ ...record }));
  }
}
