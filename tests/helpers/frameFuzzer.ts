/**
 * A seeded generator of hostile y-websocket frames, for the fuzz test. Same seed, same frames.
 */
import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType } from '../../shared/protocol';

/** A small, fast, seedable PRNG (public domain). Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FramePools {
  /** Real updates the fuzzing identity may not make. */
  forbidden: Uint8Array[];
  /** Real updates it may make. */
  allowed: Uint8Array[];
}

const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

export const syncFrame = (type: number, payload: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, type);
    encoding.writeVarUint8Array(e, payload);
  });

export class FrameFuzzer {
  constructor(
    private readonly rand: () => number,
    private readonly pools: FramePools,
  ) {}

  private int(n: number): number {
    return Math.floor(this.rand() * n);
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  private bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => this.int(256));
  }

  next(): Uint8Array {
    const r = this.rand();
    if (r < 0.12) return this.bytes(this.int(200));
    if (r < 0.27) return this.prefixedGarbage();
    if (r < 0.35) return this.oversizedVaruint();
    if (r < 0.55) return this.mutate(this.validMessage());
    if (r < 0.7) return syncFrame(this.pick([SyncMessageType.Update, SyncMessageType.Step2]), this.pick(this.pools.forbidden));
    if (r < 0.8) return syncFrame(SyncMessageType.Update, this.pick(this.pools.allowed));
    return this.awareness();
  }

  /** A real message type, then a payload that is cut short, too long or random. */
  private prefixedGarbage(): Uint8Array {
    const type = this.pick([MessageType.Sync, MessageType.Awareness, MessageType.Auth, MessageType.QueryAwareness]);
    return frame((e) => {
      encoding.writeVarUint(e, type);
      if (type === MessageType.Sync) encoding.writeVarUint(e, this.int(4));
      const body = this.bytes(this.int(64));
      encoding.writeVarUint(e, this.rand() < 0.5 ? body.length + 1 + this.int(1000) : body.length);
      encoding.writeUint8Array(e, body);
    });
  }

  /** Varuints of 8–12 continuation bytes: past 2^53, or past the frame. */
  private oversizedVaruint(): Uint8Array {
    const run = Array.from({ length: 8 + this.int(5) }, () => 0x80 | this.int(128));
    const variants = [
      [...run, 0x01],
      [MessageType.Sync, ...run, 0x01],
      [MessageType.Sync, SyncMessageType.Update, ...run, 0x7f],
      [MessageType.Awareness, ...run],
      [MessageType.Awareness, 0x05, ...run, 0x01, 0x00],
    ];
    return Uint8Array.from(this.pick(variants));
  }

  private validMessage(): Uint8Array {
    const r = this.rand();
    if (r < 0.6) return syncFrame(SyncMessageType.Update, this.pick([...this.pools.allowed, ...this.pools.forbidden]));
    if (r < 0.8) return syncFrame(SyncMessageType.Step1, frame((e) => encoding.writeVarUint(e, 0)));
    return this.awareness();
  }

  /** Flips, inserts, deletes or truncates a few bytes. */
  private mutate(message: Uint8Array): Uint8Array {
    const out = Array.from(message);
    const edits = 1 + this.int(4);
    for (let i = 0; i < edits && out.length > 0; i++) {
      const at = this.int(out.length);
      switch (this.int(4)) {
        case 0:
          out[at] = out[at]! ^ (1 << this.int(8));
          break;
        case 1:
          out.splice(at, 0, this.int(256));
          break;
        case 2:
          out.splice(at, 1);
          break;
        default:
          out.length = Math.max(1, at);
      }
    }
    return Uint8Array.from(out);
  }

  /** Awareness: invented ids, huge or malformed states, removals of random ids, queries. */
  private awareness(): Uint8Array {
    if (this.rand() < 0.1) return Uint8Array.from([MessageType.QueryAwareness]);
    const count = this.rand() < 0.2 ? 50 + this.int(500) : 1 + this.int(3);
    const update = frame((e) => {
      encoding.writeVarUint(e, count);
      for (let i = 0; i < count; i++) {
        encoding.writeVarUint(e, this.int(2 ** 31));
        encoding.writeVarUint(e, this.int(1000));
        const s = this.rand();
        const user = { name: 'fuzz', groupId: null, role: 'participant', color: '#123456' };
        const state =
          s < 0.3 ? JSON.stringify({ user })
          : s < 0.5 ? 'null'
          : s < 0.7 ? JSON.stringify({ user, pad: 'x'.repeat(this.int(8000)) })
          : s < 0.85 ? JSON.stringify({ user: { role: 'root' } })
          : '{"user":';
        encoding.writeVarString(e, state);
      }
    });
    return frame((e) => {
      encoding.writeVarUint(e, MessageType.Awareness);
      encoding.writeVarUint8Array(e, update);
    });
  }
}
