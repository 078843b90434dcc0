/**
 * The ScaleBus over Redis pub/sub (ioredis): one channel per wall, one for heartbeats.
 *
 * Pub/sub forgets messages sent while a subscriber is disconnected. Two things make up for it:
 * every message carries a per-link counter (a receiver that sees a jump resyncs from storage),
 * and after any reconnect every loaded room resyncs from storage and asks its peers to
 * re-publish presence. Heartbeats tell which instances are alive: when one goes silent for
 * `peerTimeoutMs` (killed, or cut off from Redis), its clients' presence is removed.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log';
import type { Store } from '../storage/store';
import type { LinkedRoom, Revocation, RoomLink, ScaleBus } from './bus';
import { RedisRoomLink } from './roomLink';
import { decodeMessage, decodeRevocation, encodeMessage, encodeRevocation } from './wire';

export interface RedisBusOptions {
  url: string;
  store: Store;
  log: Logger;
  /** Silence after which another instance counts as gone; heartbeats go out at a quarter of it. */
  peerTimeoutMs: number;
}

const PREFIX = 'pajaseina:';
const HEARTBEAT = `${PREFIX}heartbeat`;
const REVOCATIONS = `${PREFIX}revocations`;
/**
 * Bound on revocations kept for re-sending during one Redis outage. Past it they are lost as
 * before; each instance still re-checks its sockets against storage after its own reconnect.
 */
const MAX_UNSENT_REVOCATIONS = 10_000;
const wallChannel = (wallId: string) => `${PREFIX}wall:${wallId}`;

export class RedisBus implements ScaleBus {
  readonly instanceId = randomBytes(9).toString('base64url');
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly links = new Map<string, RedisRoomLink>();
  private readonly peers = new Map<string, number>();
  /** Instances counted as gone; a killed one stays here (a few bytes per instance start). */
  private readonly silent = new Set<string>();
  private linkSerial = 0;
  private readonly timer: NodeJS.Timeout;
  private closed = false;
  private readonly revocationHandlers: ((revocation: Revocation) => void)[] = [];
  private readonly reconnectHandlers: (() => void)[] = [];
  /**
   * Revocations this instance could not publish. The other instances' Redis links may be fine,
   * so no reconnect of theirs would make them re-check: the publisher sends these again when it
   * is back. Revocations are idempotent (a revoked token hash never becomes valid again).
   */
  private readonly unsentRevocations = new Map<string, Revocation>();

  private constructor(private readonly opts: RedisBusOptions) {
    const options = { maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 100, 1_000), lazyConnect: true };
    // Publishing while Redis is down fails at once instead of queueing without bound: the
    // receivers see the counters jump (or their own reconnect) and resync from storage anyway.
    this.pub = new Redis(opts.url, { ...options, enableOfflineQueue: false });
    // Subscriptions wait in the offline queue and are re-sent on reconnect.
    this.sub = new Redis(opts.url, options);
    for (const [name, conn] of [['publisher', this.pub], ['subscriber', this.sub]] as const) {
      conn.on('error', (err: Error) => opts.log.warn({ err: err.message }, `redis ${name} error`));
      let everReady = false;
      conn.on('ready', () => {
        if (name === 'publisher') {
          this.publishing = true;
          if (everReady) void this.resendRevocations();
        }
        if (everReady) this.afterReconnect(name);
        everReady = true;
      });
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
    this.timer = setInterval(() => this.beat(), Math.max(50, Math.floor(opts.peerTimeoutMs / 4)));
    this.timer.unref();
  }

  /** Connects both connections; rejects if Redis cannot be reached at start-up. */
  static async connect(opts: RedisBusOptions): Promise<RedisBus> {
    const bus = new RedisBus(opts);
    try {
      await Promise.all([bus.pub.connect(), bus.sub.connect()]);
      await bus.sub.subscribe(HEARTBEAT, REVOCATIONS);
      bus.beat(); // the others know of us at once, not a quarter of the timeout later
    } catch (err) {
      await bus.close();
      throw err;
    }
    return bus;
  }

  async join(room: LinkedRoom): Promise<RoomLink> {
    const channel = wallChannel(room.wallId);
    const serial = ++this.linkSerial;
    const link = new RedisRoomLink(room, {
      instanceId: this.instanceId,
      link: serial,
      store: this.opts.store,
      log: this.opts.log,
      publish: (kind, payload, counter) => {
        const bytes = encodeMessage({ instanceId: this.instanceId, link: serial, counter, kind, payload });
        this.pub.publish(channel, Buffer.from(bytes)).catch((err: Error) => this.publishFailed(err));
      },
      onLeave: () => {
        if (this.links.get(channel) !== link) return;
        this.links.delete(channel);
        if (!this.closed) this.sub.unsubscribe(channel).catch(() => {});
      },
    });
    this.links.set(channel, link);
    const subscribed = this.sub.subscribe(channel);
    // While Redis is down the subscribe waits in the offline queue; the wall still loads from
    // storage, and the resync after the reconnect brings in whatever was missed meanwhile.
    if (this.sub.status === 'ready') await subscribed;
    else subscribed.catch(() => {});
    return link;
  }

  private onMessage(channel: string, message: Buffer): void {
    if (channel === HEARTBEAT) {
      this.heardFrom(message.toString());
      return;
    }
    if (channel === REVOCATIONS) {
      this.onRevocationMessage(message.toString());
      return;
    }
    const link = this.links.get(channel);
    if (!link) return;
    let decoded;
    try {
      decoded = decodeMessage(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    } catch (err) {
      this.opts.log.warn({ channel, err }, 'malformed bus message');
      void link.resync();
      return;
    }
    // Not only heartbeats: an instance killed before its first one still published presence here.
    this.heardFrom(decoded.instanceId);
    link.receive(decoded);
  }

  /** `instanceId` is alive now; once it is silent for peerTimeoutMs, its clients' presence goes. */
  private heardFrom(instanceId: string): void {
    if (instanceId === this.instanceId) return;
    this.peers.set(instanceId, Date.now());
    // Counted as gone while it was only slow (or we were): its clients' presence comes back.
    if (this.silent.delete(instanceId)) for (const link of this.links.values()) link.peerBack();
  }

  async revoke(revocation: Revocation): Promise<void> {
    const message = encodeRevocation(this.instanceId, revocation);
    try {
      await this.pub.publish(REVOCATIONS, message);
    } catch (err) {
      this.opts.log.warn({ err: (err as Error).message, wallId: revocation.wallId }, 'publishing a revocation failed; it is sent again when redis is back');
      if (this.unsentRevocations.size < MAX_UNSENT_REVOCATIONS) this.unsentRevocations.set(message, revocation);
    }
  }

  private async resendRevocations(): Promise<void> {
    const unsent = [...this.unsentRevocations.values()];
    this.unsentRevocations.clear();
    for (const revocation of unsent) await this.revoke(revocation);
  }

  onRevocation(handler: (revocation: Revocation) => void): void {
    this.revocationHandlers.push(handler);
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  private onRevocationMessage(text: string): void {
    let decoded;
    try {
      decoded = decodeRevocation(text);
    } catch (err) {
      this.opts.log.warn({ err }, 'malformed revocation message');
      return;
    }
    if (decoded.from === this.instanceId) return;
    for (const handler of this.revocationHandlers) handler(decoded.revocation);
  }

  private publishing = true;

  /** Logged once per outage, not once per update. Peers resync when they notice the gap. */
  private publishFailed(err: Error): void {
    if (!this.publishing) return;
    this.publishing = false;
    this.opts.log.warn({ err: err.message }, 'publishing to redis failed; other instances will resync from storage');
  }

  private beat(): void {
    this.pub.publish(HEARTBEAT, this.instanceId).catch((err: Error) => this.publishFailed(err));
    const now = Date.now();
    for (const [id, seen] of this.peers) {
      if (now - seen < this.opts.peerTimeoutMs) continue;
      this.peers.delete(id);
      this.silent.add(id);
      this.opts.log.info({ instance: id }, 'instance went silent: removing its clients\' presence');
      for (const link of this.links.values()) link.peerGone(id);
    }
  }

  private afterReconnect(which: string): void {
    this.opts.log.info({ which, rooms: this.links.size }, 'redis reconnected: resyncing every loaded wall from storage');
    // ioredis re-sends the old subscriptions on reconnect; one more subscribe queues behind them,
    // so once it answers they are active and the storage read below misses nothing after it.
    this.sub.subscribe(HEARTBEAT).then(
      () => {
        for (const link of this.links.values()) void link.resync();
        for (const handler of this.reconnectHandlers) handler();
      },
      (err: Error) => this.opts.log.warn({ err: err.message }, 'resubscribe after reconnect failed'),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (const link of [...this.links.values()]) link.leave();
    // quit, not disconnect: publishes still queued (the last presence removals) go out first.
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
