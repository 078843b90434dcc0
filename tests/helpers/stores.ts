/**
 * A Store decorator for lifecycle tests: slows down or fails loads and appends of a real store. It wraps a
 * real implementation, so everything else behaves exactly as in production.
 */
import type { NewWallRecord, Snapshot, Store, StoredJoinCode, StoredState, TokenTarget } from '../../server/storage/store';

export class ControlledStore implements Store {
  loadDelayMs = 0;
  /** How many of the next loadState calls reject. */
  failLoads = 0;
  loadCalls = 0;
  appendDelayMs = 0;
  /** How many of the next appendUpdate calls reject. */
  failAppends = 0;

  constructor(private readonly inner: Store) {}

  createWall(record: NewWallRecord, initialUpdate: Uint8Array) {
    return this.inner.createWall(record, initialUpdate);
  }
  getWall(id: string) {
    return this.inner.getWall(id);
  }
  async loadState(id: string): Promise<StoredState> {
    this.loadCalls++;
    if (this.loadDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.loadDelayMs));
    if (this.failLoads > 0) {
      this.failLoads--;
      throw new Error('disk on fire (test)');
    }
    return this.inner.loadState(id);
  }
  async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    if (this.appendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.appendDelayMs));
    if (this.failAppends > 0) {
      this.failAppends--;
      throw new Error('disk full (test)');
    }
    return this.inner.appendUpdate(id, update);
  }
  compact(id: string, snapshot: Snapshot, uptoSeq: number) {
    return this.inner.compact(id, snapshot, uptoSeq);
  }
  replaceTokenHash(id: string, target: TokenTarget, hash: string) {
    return this.inner.replaceTokenHash(id, target, hash);
  }
  setDeleteAt(id: string, deleteAt: number | null) {
    return this.inner.setDeleteAt(id, deleteAt);
  }
  dueForDeletion(now: number) {
    return this.inner.dueForDeletion(now);
  }
  deleteWall(id: string) {
    return this.inner.deleteWall(id);
  }
  putJoinCode(code: StoredJoinCode, now: number) {
    return this.inner.putJoinCode(code, now);
  }
  getJoinCode(lookup: string, now: number) {
    return this.inner.getJoinCode(lookup, now);
  }
  joinCodeFor(wallId: string, tokenHash: string, now: number) {
    return this.inner.joinCodeFor(wallId, tokenHash, now);
  }
  close() {
    return this.inner.close();
  }
}
