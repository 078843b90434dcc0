/**
 * Dot voting. Each vote is its own entry, so two people voting at once never overwrite each other:
 *
 *   votes  Y.Map  voteId → Y.Map { taskId, noteId, voterId }
 *
 * `voterId` is the voter's device-local id (storage.ts), a pseudonym that ties a person's votes
 * together and to nothing else; anonymous participants vote the same way.
 * The server refuses votes while a task's vote is not open, and a voter's votes beyond the
 * task's allowance (server/rooms/permissions.ts).
 */
import * as Y from 'yjs';
import { memoRead } from './docReads';
import { LIMITS } from './limits';
import { randomId } from './ids';
import { VoteRecord, type ParticipantRole } from './schemas';
import { readEntry, toYMap } from './ymaps';

export interface Vote {
  id: string;
  taskId: string;
  noteId: string;
  voterId: string;
  /** The voter's role (the facilitator's report only). */
  voterRole?: ParticipantRole;
}

export class Votes {
  /** The role this page's person said at join (Wall.setWriterRole), stamped on their votes. */
  writerRole: ParticipantRole | undefined;

  constructor(readonly map: Y.Map<Y.Map<unknown>>) {}

  all(): Vote[] {
    const out: Vote[] = [];
    this.map.forEach((value, id) => {
      const v = readEntry(value, VoteRecord);
      if (v) out.push({ id, ...v });
    });
    return out;
  }

  inTask(taskId: string): Vote[] {
    return this.all().filter((v) => v.taskId === taskId);
  }

  /** Votes per note in a task. */
  counts(taskId: string): Map<string, number> {
    // Memoised in the browser: every vote button of a 2,000-note wall asks after every change.
    return memoRead(this.map.doc, `votes.counts:${taskId}`, [this.map], () => {
      const counts = new Map<string, number>();
      for (const v of this.inTask(taskId)) counts.set(v.noteId, (counts.get(v.noteId) ?? 0) + 1);
      return counts;
    });
  }

  /** Votes `voterId` has given in the task, per note. */
  mine(taskId: string, voterId: string): Map<string, number> {
    return memoRead(this.map.doc, `votes.mine:${taskId}:${voterId}`, [this.map], () => {
      const counts = new Map<string, number>();
      for (const v of this.inTask(taskId)) if (v.voterId === voterId) counts.set(v.noteId, (counts.get(v.noteId) ?? 0) + 1);
      return counts;
    });
  }

  /**
   * How many votes `voterId` has given in the task. The server asks this for every vote cast, so
   * it reads two fields of each entry and validates only the voter's own votes in that task,
   * instead of decoding every vote on the wall.
   */
  used(taskId: string, voterId: string): number {
    return memoRead(this.map.doc, `votes.used:${taskId}:${voterId}`, [this.map], () => {
      let n = 0;
      this.map.forEach((value) => {
        if (!(value instanceof Y.Map) || value.get('taskId') !== taskId || value.get('voterId') !== voterId) return;
        if (readEntry(value, VoteRecord)) n++;
      });
      return n;
    });
  }

  /** Adds one vote. The caller checks that voting is open and votes are left (the server does too). */
  cast(taskId: string, noteId: string, voterId: string, voterRole?: ParticipantRole): string | undefined {
    if (this.map.size >= LIMITS.votesMax) return undefined;
    const id = randomId();
    this.map.set(id, toYMap({ taskId, noteId, voterId: voterId.slice(0, 64), voterRole: voterRole ?? this.writerRole }));
    return id;
  }

  /** Takes back one of `voterId`'s votes on the note. */
  retract(taskId: string, noteId: string, voterId: string): boolean {
    const vote = this.inTask(taskId).find((v) => v.noteId === noteId && v.voterId === voterId);
    if (!vote) return false;
    this.map.delete(vote.id);
    return true;
  }

  /** Facilitator: removes every vote of a task, to vote again. */
  clear(taskId: string): void {
    const ids = this.inTask(taskId).map((v) => v.id);
    if (ids.length === 0) return;
    this.map.doc!.transact(() => {
      for (const id of ids) this.map.delete(id);
    });
  }
}
