/**
 * One client socket of a room. Depends only on the WallSocket interface, so rooms can be driven
 * by a real ws socket or an in-memory pair alike.
 *
 * Frames are decoded the moment they arrive (a malformed one closes this connection at once)
 * and held in an inbox until the room is loaded; then the room drains the inbox in order.
 */
import { CloseCode, CloseReason } from '../../shared/protocol';
import type { Role } from '../../shared/schemas';
import { decodeFrame, MalformedFrame, type Incoming } from './codec';
import { DEFAULT_RATE_LIMITS, RateBuckets, type RateLimits } from './rateLimit';

/** The little a connection needs from a socket. */
export interface WallSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
}

export interface ConnectionLimits {
  /** A client whose unsent backlog grows past this is closed instead of buffered without bound. */
  maxBufferedBytes: number;
  /** Bytes of frames held while the room loads. */
  maxInboxBytes: number;
  /** Frames and bytes per second this connection may send; past them it is closed 4508. */
  rate?: RateLimits;
}

/**
 * Where an attached connection's frames go, and who is told when it closes: its room. Methods
 * taking the connection as argument, so one object serves all of a room's connections (a bound
 * function per room and purpose cost 48 bytes each).
 */
export interface ConnectionSink {
  receive(conn: Connection, message: Incoming): void;
  /** The connection closed, whoever closed it; called once, after its close listeners. */
  left(conn: Connection): void;
}
/** Told the connection closed, with the connection: one listener can serve many connections. */
export type CloseListener = (conn: Connection) => void;

/** Who is on the other end: the role their token grants, and the one group a group link confines them to. */
export interface ConnectionIdentity {
  role: Role;
  /** Set for a per-group participant link: that holder may write only in this group. */
  groupId: string | null;
}

/** Bits of Connection.flags: one number instead of a field per boolean. */
const CLOSED = 1;
const FAULTED = 2;

/**
 * Extends RateBuckets so its buckets live inside the connection object (one object less
 * per connection). Kept small on purpose: a loaded wall has hundreds of these.
 */
export class Connection extends RateBuckets {
  /** Awareness client ids this connection has published; removed when it closes. */
  readonly awarenessClients = new Set<number>();
  /** Frames that arrived before the room was ready; null once attached (or before the first). */
  private inbox: Incoming[] | null = null;
  private inboxBytes = 0;
  private sink: ConnectionSink | null = null;
  // Every connection has one close listener (the socket index's; its room is the sink): a field
  // costs 8 bytes, an array of them 64.
  private closeListener: CloseListener | null = null;
  private moreCloseListeners: CloseListener[] | null = null;
  /** CLOSED, FAULTED, and a subclass's bits from 4 up (all clear for a new connection). */
  protected flags = 0;
  /** When the connection was made (performance.now()): its first sync is timed from here. */
  readonly openedAt = performance.now();

  constructor(
    private readonly socket: WallSocket,
    readonly identity: ConnectionIdentity,
    private readonly limits: ConnectionLimits,
  ) {
    super(limits.rate ?? DEFAULT_RATE_LIMITS, performance.now());
  }

  protected rateLimits(): RateLimits {
    return this.limits.rate ?? DEFAULT_RATE_LIMITS;
  }

  /** Set when the server closed this connection for a fault its later frames would repeat. */
  get faulted(): boolean {
    return (this.flags & FAULTED) !== 0;
  }

  set faulted(value: boolean) {
    this.flags = value ? this.flags | FAULTED : this.flags & ~FAULTED;
  }

  /** The client sent something unreadable. A method to override (the transport logs it), not a callback field per connection. */
  protected malformedFrame(_reason: string): void {}

  get role(): Role {
    return this.identity.role;
  }

  get closed(): boolean {
    return (this.flags & CLOSED) !== 0;
  }

  /** Called by the transport for every frame received. */
  receive(data: Uint8Array, isBinary: boolean): void {
    if (this.closed) return;
    // Before decoding: a flood must cost as little as possible. Nothing past the limit is read.
    if (!this.take(data.byteLength)) {
      this.faulted = true;
      this.close(CloseCode.TooManyMessages);
      return;
    }
    let message: Incoming;
    try {
      if (!isBinary) throw new MalformedFrame('text frame');
      message = decodeFrame(data);
    } catch (err) {
      this.malformedFrame((err as Error).message);
      this.close(CloseCode.MalformedMessage);
      return;
    }
    if (this.sink) {
      this.sink.receive(this, message);
      return;
    }
    this.inboxBytes += data.byteLength;
    if (this.inboxBytes > this.limits.maxInboxBytes) {
      this.close(CloseCode.TooManyPendingUpdates);
      return;
    }
    (this.inbox ??= []).push(message);
  }

  /**
   * Starts delivering frames to the room, first the ones that arrived while it loaded. A
   * connection that closed already is handed back at once (sink.left).
   */
  attach(sink: ConnectionSink): void {
    if (this.closed) {
      sink.left(this);
      return;
    }
    this.sink = sink;
    const queued = this.inbox ?? [];
    this.inbox = null;
    this.inboxBytes = 0;
    for (const message of queued) {
      if (this.closed) return;
      sink.receive(this, message);
    }
  }

  send(frame: Uint8Array): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CloseCode.SlowConsumer);
      return;
    }
    this.socket.send(frame);
  }

  /** Closes with a named code and its reason, or a more specific one. Idempotent; listeners run once. */
  close(code: CloseCode, reason: string = CloseReason[code]): void {
    if (this.closed) return;
    this.socket.close(code, truncateReason(reason));
    this.markClosed();
  }

  /** Called by the transport when the socket closed, whoever closed it. */
  markClosed(): void {
    if (this.closed) return;
    this.flags |= CLOSED;
    const sink = this.sink;
    this.sink = null;
    this.inbox = null;
    const first = this.closeListener;
    const more = this.moreCloseListeners;
    this.closeListener = this.moreCloseListeners = null;
    first?.(this);
    if (more) for (const listener of more) listener(this);
    sink?.left(this);
  }

  onClose(listener: CloseListener): void {
    if (this.closed) listener(this);
    else if (!this.closeListener) this.closeListener = listener;
    else (this.moreCloseListeners ??= []).push(listener);
  }
}

/** The WebSocket spec allows 123 bytes of close reason; ws throws on more. */
function truncateReason(reason: string): string {
  let out = reason;
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -1);
  return out;
}
