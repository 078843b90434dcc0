/**
 * What a facilitator (or the retention sweeper) does to a wall as a whole: replace a link's
 * token, delete the wall. Shared by the HTTP routes and server/retention.ts, so a wall deleted by
 * its date goes exactly the way of one deleted by hand.
 */
import { CloseCode } from '../shared/protocol';
import { hashToken, newToken } from './auth/tokens';
import type { Logger } from './log';
import type { RoomRegistry } from './rooms/registry';
import type { Store, TokenTarget } from './storage/store';
import type { SocketIndex } from './ws/socketIndex';

export class WallAdmin {
  constructor(
    private readonly store: Store,
    private readonly registry: RoomRegistry,
    private readonly sockets: SocketIndex,
    private readonly log: Logger,
  ) {}

  /**
   * Gives `target` a new token and returns it. The old token stops working at once: it is no
   * longer in the store, and every connection opened with it is closed with 4401 (which the
   * stock y-websocket client does not retry).
   */
  async replaceToken(wallId: string, target: TokenTarget): Promise<string> {
    const token = newToken();
    const old = await this.store.replaceTokenHash(wallId, target, hashToken(token));
    if (old !== null) {
      const closed = this.sockets.closeToken(wallId, old, CloseCode.Unauthorized);
      this.log.info({ wallId, target: 'role' in target ? target.role : 'group', closed }, 'token replaced');
    }
    return token;
  }

  /**
   * Deletes the wall everywhere: connections closed with 4410, the live room dropped without a
   * final flush, then every stored byte removed (see SqliteStore.deleteWall).
   */
  async deleteWall(wallId: string, reason: 'request' | 'retention'): Promise<void> {
    const closed = this.sockets.closeWall(wallId, CloseCode.WallDeleted);
    await this.registry.evict(wallId);
    await this.store.deleteWall(wallId);
    this.log.info({ wallId, reason, closed }, 'wall deleted');
  }
}
