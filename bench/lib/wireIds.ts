/**
 * Finds the fan-out's measured note ids in a raw WebSocket frame, without Yjs. A wire receiver
 * (BenchClient.toWire) uses it to record when a note reached its socket: the server's delivery,
 * without the receiving client's own decode and apply, which on a 2-core machine shared by 300
 * clients and the server is the larger cost (bench/clientFloor.ts).
 *
 * It works because Yjs's update encoding (v1, what every server here relays) writes a map key as
 * its length and then its UTF-8 bytes: a note's id is the key it has in the notes map, and
 * measured ids are `<kind>-<serial>` (fanout.ts). The length byte just before the id is what
 * tells a key from the same text elsewhere: inside the note's `order` value (`a<id>`) or a
 * warm-up id (`warm-<kind>-<n>`), the byte before is a letter or a dash.
 */
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

export class WireIds {
  private readonly prefix: Buffer;

  /** `kind` is the server kind the measured ids start with. */
  constructor(kind: string) {
    this.prefix = Buffer.from(`${kind}-`);
  }

  /** The distinct measured note ids that `frame` writes as keys, in the order they appear. */
  find(frame: Uint8Array): string[] {
    const bytes = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
    const found: string[] = [];
    for (let at = bytes.indexOf(this.prefix, 1); at !== -1; at = bytes.indexOf(this.prefix, at + 1)) {
      const length = bytes[at - 1]!;
      const end = at + length;
      if (length <= this.prefix.length || end > bytes.length || !digitsOnly(bytes, at + this.prefix.length, end)) continue;
      const id = bytes.toString('latin1', at, end);
      if (!found.includes(id)) found.push(id);
    }
    return found;
  }
}

function digitsOnly(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i]! < DIGIT_0 || bytes[i]! > DIGIT_9) return false;
  return true;
}
