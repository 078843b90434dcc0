/**
 * What a facilitator (or the retention sweeper) does to a wall as a whole: replace a link's
 * token, delete the wall. Shared by the HTTP routes and server/retention.ts, so a wall deleted by
 * its date goes exactly the way of one deleted by hand.
 *
 * With several instances (REDIS_URL) the other instances hold connections too: each revocation
 * is published on the bus and applied there the same way (closed with the same code, remembered
 * for the same time). A revocation lost while Redis was down is made up for when it comes back:
 * every instance re-checks its connections against storage.
 */
import { CloseCode } from '../shared/protocol';
import { hashToken, newToken } from './auth/tokens';
import type { Logger } from './log';
import type { RoomRegistry } from './rooms/registry';
import type { Revocation, ScaleBus } from './scale/bus';
import type { Store, TokenTarget, WallRecord } from './storage/store';
import type { SocketIndex } from './ws/socketIndex';

export class WallAdmin {
  constructor(
    private readonly store: Store,
    private readonly registry: RoomRegistry,
    private readonly sockets: SocketIndex,
    private readonly log: Logger,
    private readonly bus?: ScaleBus,
  ) {
    bus?.onRevocation((revocation) => void this.applyRemote(revocation));
    bus?.onReconnect(() => void this.recheckConnections());
  }

  /**
   * Gives `target` a new token and returns it. The old token stops working at once: it is no
   * longer in the store, and every connection opened with it, on every instance, is closed with
   * 4401 (which the stock y-websocket client does not retry).
   */
  async replaceToken(wallId: string, target: TokenTarget): Promise<string> {
    const token = newToken();
    const old = await this.store.replaceTokenHash(wallId, target, hashToken(token));
    if (old !== null) {
      const closed = this.sockets.closeToken(wallId, old, CloseCode.Unauthorized);
      await this.bus?.revoke({ kind: 'token', wallId, tokenHash: old });
      this.log.info({ wallId, target: 'role' in target ? target.role : 'group', closed }, 'token replaced');
    }
    return token;
  }

  /**
   * Deletes the wall everywhere: connections closed with 4410 (on every instance), the live room
   * dropped without a final flush, then every stored byte removed (see SqliteStore.deleteWall).
   */
  async deleteWall(wallId: string, reason: 'request' | 'retention'): Promise<void> {
    const closed = this.sockets.closeWall(wallId, CloseCode.WallDeleted);
    // Before the rows go: the other instances drop their rooms instead of writing to a deleted wall.
    await this.bus?.revoke({ kind: 'wall', wallId });
    await this.registry.evict(wallId);
    await this.store.deleteWall(wallId);
    this.log.info({ wallId, reason, closed }, 'wall deleted');
  }

  /** What another instance revoked, done here. */
  private async applyRemote(revocation: Revocation): Promise<void> {
    const { wallId } = revocation;
    if (revocation.kind === 'token') {
      const closed = this.sockets.closeToken(wallId, revocation.tokenHash, CloseCode.Unauthorized);
      this.log.info({ wallId, closed }, 'token replaced on another instance');
      return;
    }
    const closed = this.sockets.closeWall(wallId, CloseCode.WallDeleted);
    await this.registry.evict(wallId);
    this.log.info({ wallId, closed }, 'wall deleted on another instance');
  }

  /**
   * Closes every connection whose token or wall storage no longer knows: what a revocation
   * published while this instance could not hear Redis would have closed.
   */
  async recheckConnections(): Promise<void> {
    for (const wallId of this.sockets.wallIds()) {
      let wall: WallRecord | undefined;
      try {
        wall = await this.store.getWall(wallId);
      } catch (err) {
        this.log.error({ wallId, err }, 're-checking connections failed');
        continue;
      }
      if (!wall) {
        await this.applyRemote({ kind: 'wall', wallId });
        continue;
      }
      const valid = new Set([...Object.values(wall.tokenHashes), ...Object.values(wall.groupTokenHashes)]);
      for (const tokenHash of this.sockets.tokenHashes(wallId)) {
        if (!valid.has(tokenHash)) await this.applyRemote({ kind: 'token', wallId, tokenHash });
      }
    }
  }
}
