/** In-memory Store: the reference for the contract suite and for room tests. Not durable. */
import { StoredWall } from '../../shared/schemas';
import {
  DuplicateWallError,
  WallNotFoundError,
  snapshotParts,
  type NewWallRecord,
  type Snapshot,
  type Store,
  type StoredJoinCode,
  type StoredState,
  type TokenTarget,
  type WallRecord,
} from './store';

interface Entry {
  record: WallRecord;
  snapshot: Uint8Array[];
  snapshotSeq: number;
  nextSeq: number;
  updates: { seq: number; data: Uint8Array }[];
}

export class MemoryStore implements Store {
  private walls = new Map<string, Entry>();
  /** Join codes by wall id: one per wall. */
  private joinCodes = new Map<string, StoredJoinCode>();
  private closed = false;

  private entry(id: string): Entry {
    this.assertOpen();
    const entry = this.walls.get(id);
    if (!entry) throw new WallNotFoundError(id);
    return entry;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('store is closed');
  }

  async createWall(record: NewWallRecord, initialUpdate: Uint8Array): Promise<void> {
    this.assertOpen();
    if (this.walls.has(record.id)) throw new DuplicateWallError(record.id);
    this.walls.set(record.id, {
      record: { ...StoredWall.parse(structuredClone(record)), groupTokenHashes: {}, deleteAt: null },
      snapshot: [initialUpdate.slice()],
      snapshotSeq: 0,
      nextSeq: 1,
      updates: [],
    });
  }

  async getWall(id: string): Promise<WallRecord | undefined> {
    this.assertOpen();
    const entry = this.walls.get(id);
    return entry ? structuredClone(entry.record) : undefined;
  }

  async loadState(id: string): Promise<StoredState> {
    const entry = this.entry(id);
    const last = entry.updates[entry.updates.length - 1];
    return {
      updates: [...entry.snapshot.map((part) => part.slice()), ...entry.updates.map((u) => u.data.slice())],
      snapshotParts: entry.snapshot.length,
      lastSeq: last ? last.seq : entry.snapshotSeq,
    };
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    const entry = this.entry(id);
    const seq = entry.nextSeq++;
    entry.updates.push({ seq, data: update.slice() });
    return seq;
  }

  async compact(id: string, snapshot: Snapshot, uptoSeq: number): Promise<void> {
    const entry = this.entry(id);
    if (uptoSeq < entry.snapshotSeq) return;
    entry.snapshot = snapshotParts(snapshot).map((part) => part.slice());
    entry.snapshotSeq = uptoSeq;
    entry.updates = entry.updates.filter((u) => u.seq > uptoSeq);
  }

  async replaceTokenHash(id: string, target: TokenTarget, hash: string): Promise<string | null> {
    const { record } = this.entry(id);
    if ('role' in target) {
      const old = record.tokenHashes[target.role];
      record.tokenHashes[target.role] = hash;
      return old;
    }
    const old = record.groupTokenHashes[target.groupId] ?? null;
    record.groupTokenHashes[target.groupId] = hash;
    return old;
  }

  async setDeleteAt(id: string, deleteAt: number | null): Promise<void> {
    this.entry(id).record.deleteAt = deleteAt;
  }

  async dueForDeletion(now: number): Promise<string[]> {
    this.assertOpen();
    return [...this.walls.values()].filter((e) => e.record.deleteAt !== null && e.record.deleteAt <= now).map((e) => e.record.id);
  }

  async deleteWall(id: string): Promise<void> {
    this.assertOpen();
    this.walls.delete(id);
    this.joinCodes.delete(id);
  }

  async putJoinCode(code: StoredJoinCode, now: number): Promise<boolean> {
    this.entry(code.wallId);
    for (const [wallId, c] of this.joinCodes) if (c.expiresAt <= now) this.joinCodes.delete(wallId);
    const taken = [...this.joinCodes.values()].some((c) => c.lookup === code.lookup && c.wallId !== code.wallId);
    if (taken) return false;
    this.joinCodes.set(code.wallId, structuredClone(code));
    return true;
  }

  async getJoinCode(lookup: string, now: number): Promise<StoredJoinCode | undefined> {
    this.assertOpen();
    const found = [...this.joinCodes.values()].find((c) => c.lookup === lookup && c.expiresAt > now);
    return found && structuredClone(found);
  }

  async joinCodeFor(wallId: string, tokenHash: string, now: number): Promise<StoredJoinCode | undefined> {
    this.assertOpen();
    const found = this.joinCodes.get(wallId);
    return found && found.tokenHash === tokenHash && found.expiresAt > now ? structuredClone(found) : undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
