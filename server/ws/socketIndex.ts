/**
 * Which live connections each wall has, and which token hash each one authenticated with.
 * Rotation closes exactly the connections opened with the old token; deletion closes them all.
 *
 * Kept apart from the room registry on purpose: a connection is indexed from the moment its
 * upgrade succeeds, while its room may still be loading, so a rotation or deletion during the
 * load still reaches it.
 */
import type { CloseCode } from '../../shared/protocol';
import type { Connection } from '../rooms/connection';

/**
 * Access is decided before the upgrade and the connection indexed after it: a rotation or
 * deletion in between would miss the connection. What was revoked is remembered this long, and
 * a connection that arrives with it is closed at once.
 */
const REVOKED_MEMORY_MS = 60_000;

/**
 * The live connections to one wall that authenticated with one token. Every connection of a
 * shared participant link lands in the same group, so the token hash is held once per wall and
 * token, and the wall id string once per group (connections take theirs from here).
 */
export class TokenGroup {
  readonly conns = new Set<Connection>();
  /** The wall's next group: a wall has a few (one per link in use), and a list costs no Map per wall. */
  next: TokenGroup | null = null;

  constructor(
    readonly wallId: string,
    readonly tokenHash: string,
    private readonly onEmpty: (group: TokenGroup) => void,
  ) {}

  forget(conn: Connection): void {
    this.conns.delete(conn);
    if (this.conns.size === 0) this.onEmpty(this);
  }
}

/** A connection as the index keeps it: it knows its group, so one close listener serves every connection. */
export interface IndexedConnection extends Connection {
  tokenGroup: TokenGroup | null;
}

/** Shared by every indexed connection: no closure per connection or per group. */
const leaveTokenGroup = (conn: Connection): void => (conn as IndexedConnection).tokenGroup?.forget(conn);

export class SocketIndex {
  /** Wall id → its first token group (the others follow through `next`). */
  private readonly walls = new Map<string, TokenGroup>();
  /** Revoked token hashes and deleted wall ids → when they were revoked, with the close code. */
  private readonly revoked = new Map<string, { at: number; code: CloseCode }>();

  /**
   * Indexes `conn` until it closes and sets its group; closes it at once if its token or wall
   * was just revoked.
   */
  add(wallId: string, tokenHash: string, conn: IndexedConnection): void {
    this.forgetOldRevocations();
    const revoked = this.revoked.get(`wall:${wallId}`) ?? this.revoked.get(`token:${tokenHash}`);
    if (revoked) {
      conn.close(revoked.code);
      return;
    }
    let group = this.group(wallId, tokenHash);
    if (!group) {
      group = new TokenGroup(wallId, tokenHash, this.dropGroup);
      group.next = this.walls.get(wallId) ?? null;
      this.walls.set(wallId, group);
    }
    group.conns.add(conn);
    conn.tokenGroup = group;
    conn.onClose(leaveTokenGroup);
  }

  private readonly dropGroup = (group: TokenGroup): void => {
    // A group emptied, dropped and made anew for a later connection: only a listed one goes.
    const first = this.walls.get(group.wallId);
    if (first === group) {
      if (group.next) this.walls.set(group.wallId, group.next);
      else this.walls.delete(group.wallId);
    } else {
      let g: TokenGroup | null | undefined = first;
      while (g && g.next !== group) g = g.next;
      if (!g) return;
      g.next = group.next;
    }
    group.next = null;
  };

  private group(wallId: string, tokenHash: string): TokenGroup | null {
    for (let g: TokenGroup | null | undefined = this.walls.get(wallId); g; g = g.next) if (g.tokenHash === tokenHash) return g;
    return null;
  }

  private groups(wallId: string): TokenGroup[] {
    const out: TokenGroup[] = [];
    for (let g: TokenGroup | null | undefined = this.walls.get(wallId); g; g = g.next) out.push(g);
    return out;
  }

  /** Closes every connection to `wallId` opened with `tokenHash`; returns how many. */
  closeToken(wallId: string, tokenHash: string, code: CloseCode): number {
    this.revoked.set(`token:${tokenHash}`, { at: Date.now(), code });
    const victims = [...(this.group(wallId, tokenHash)?.conns ?? [])];
    for (const conn of victims) conn.close(code);
    return victims.length;
  }

  /** Closes every connection to `wallId`; returns how many. */
  closeWall(wallId: string, code: CloseCode): number {
    this.revoked.set(`wall:${wallId}`, { at: Date.now(), code });
    const victims = this.connections(wallId);
    for (const conn of victims) conn.close(code);
    return victims.length;
  }

  /** Walls that have live connections here. */
  wallIds(): string[] {
    return [...this.walls.keys()];
  }

  /** The distinct token hashes the live connections to `wallId` authenticated with. */
  tokenHashes(wallId: string): string[] {
    return this.groups(wallId).map((group) => group.tokenHash);
  }

  private forgetOldRevocations(): void {
    const cutoff = Date.now() - REVOKED_MEMORY_MS;
    // Insertion order is revocation order: stop at the first one still fresh.
    for (const [key, { at }] of this.revoked) {
      if (at > cutoff) break;
      this.revoked.delete(key);
    }
  }

  count(wallId: string): number {
    let n = 0;
    for (const group of this.groups(wallId)) n += group.conns.size;
    return n;
  }

  /** The live connections to `wallId` (for tests and diagnostics). */
  connections(wallId: string): Connection[] {
    return this.groups(wallId).flatMap((group) => [...group.conns]);
  }
}
