/**
 * What a Room needs to share one wall with other server instances. Without REDIS_URL there is no
 * bus and a room is exactly what it was on one machine.
 *
 * The rule that keeps it simple: every instance stores an update (shared PostgreSQL) BEFORE it
 * publishes it. So the database always holds at least what the bus carried, and any gap on the
 * bus (a dropped Redis connection, a missed message) is closed by reading the wall back from
 * storage. An update received from the bus is applied and relayed to local clients, but never
 * stored again and never published again.
 */
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

/** The part of a Room the bus touches. */
export interface LinkedRoom {
  readonly wallId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
}

/** One room's membership in the bus. */
export interface RoomLink {
  /** The room finished loading: deliver what arrived meanwhile, then everything as it comes. */
  start(): void;
  /** The room is going away: stop listening and unsubscribe. */
  leave(): void;
}

/**
 * A link or a whole wall revoked on one instance (a facilitator's rotation or deletion, or the
 * retention sweeper). Every other instance closes the matching connections with the same close
 * codes and remembers the revocation, exactly as the instance that did it.
 */
export type Revocation = { kind: 'token'; wallId: string; tokenHash: string } | { kind: 'wall'; wallId: string };

export interface ScaleBus {
  /**
   * Subscribes the room to its wall's channel. Resolves once the subscription is active, so the
   * room reads storage afterwards and misses nothing published in between.
   */
  join(room: LinkedRoom): Promise<RoomLink>;
  /**
   * Tells every other instance about a revocation. Never rejects: while this instance cannot reach
   * Redis the message is kept and sent once it can; besides, each instance re-checks its
   * connections against storage when its own link reconnects.
   */
  revoke(revocation: Revocation): Promise<void>;
  /** `handler` runs for each revocation another instance publishes. */
  onRevocation(handler: (revocation: Revocation) => void): void;
  /** `handler` runs after Redis came back: revocations published meanwhile never arrived. */
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
}

/**
 * Transaction and awareness origin of everything that came from another instance (or from a
 * storage resync): the room relays it to its clients; the link neither stores nor publishes it.
 */
export class RemoteOrigin {
  constructor(readonly instanceId: string) {}
}
