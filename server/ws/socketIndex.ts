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

export class SocketIndex {
  private readonly walls = new Map<string, Map<Connection, string>>();
  /** Revoked token hashes and deleted wall ids → when they were revoked, with the close code. */
  private readonly revoked = new Map<string, { at: number; code: CloseCode }>();

  /** Indexes `conn` until it closes; closes it at once if its token or wall was just revoked. */
  add(wallId: string, tokenHash: string, conn: Connection): void {
    this.forgetOldRevocations();
    const revoked = this.revoked.get(`wall:${wallId}`) ?? this.revoked.get(`token:${tokenHash}`);
    if (revoked) {
      conn.close(revoked.code);
      return;
    }
    let conns = this.walls.get(wallId);
    if (!conns) {
      conns = new Map();
      this.walls.set(wallId, conns);
    }
    conns.set(conn, tokenHash);
    conn.onClose(() => {
      const current = this.walls.get(wallId);
      if (!current) return;
      current.delete(conn);
      if (current.size === 0) this.walls.delete(wallId);
    });
  }

  /** Closes every connection to `wallId` opened with `tokenHash`; returns how many. */
  closeToken(wallId: string, tokenHash: string, code: CloseCode): number {
    this.revoked.set(`token:${tokenHash}`, { at: Date.now(), code });
    const victims = [...(this.walls.get(wallId) ?? [])].filter(([, hash]) => hash === tokenHash).map(([c]) => c);
    for (const conn of victims) conn.close(code);
    return victims.length;
  }

  /** Closes every connection to `wallId`; returns how many. */
  closeWall(wallId: string, code: CloseCode): number {
    this.revoked.set(`wall:${wallId}`, { at: Date.now(), code });
    const victims = [...(this.walls.get(wallId)?.keys() ?? [])];
    for (const conn of victims) conn.close(code);
    return victims.length;
  }

  /** Walls that have live connections here. */
  wallIds(): string[] {
    return [...this.walls.keys()];
  }

  /** The distinct token hashes the live connections to `wallId` authenticated with. */
  tokenHashes(wallId: string): string[] {
    return [...new Set(this.walls.get(wallId)?.values() ?? [])];
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
    return this.walls.get(wallId)?.size ?? 0;
  }

  /** The live connections to `wallId` (for tests and diagnostics). */
  connections(wallId: string): Connection[] {
    return [...(this.walls.get(wallId)?.keys() ?? [])];
  }
}
