import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import { decodeFrame } from '../../server/rooms/codec';
import { RelayBatch, SPACED_ABOVE_RECIPIENTS, type Recipient } from '../../server/rooms/relayBatch';
import { MessageType } from '../../shared/protocol';

class Inbox implements Recipient {
  frames: Uint8Array[] = [];
  send(frame: Uint8Array): void {
    this.frames.push(frame);
  }
}

/** One writer's doc, and the update each of its edits produced. */
function writer(clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const add = (key: string) => {
    doc.getMap('notes').set(key, key);
    return updates.at(-1)!;
  };
  return { add };
}

/** The keys a client ends up with after applying every update frame it received. */
/** The doc update frames among `frames` (awareness frames left out). */
const updateFrames = (frames: Uint8Array[]) => frames.filter((f) => decodeFrame(f).kind === 'update');

function keysFrom(frames: Uint8Array[]): string[] {
  const doc = new Y.Doc();
  for (const frame of frames) {
    const message = decodeFrame(frame);
    if (message.kind !== 'update') throw new Error(`expected an update frame, got ${message.kind}`);
    Y.applyUpdate(doc, message.update);
  }
  return [...doc.getMap('notes').keys()].sort();
}

describe('RelayBatch', () => {
  it('sends one merged frame per recipient, never a sender its own updates', () => {
    const a = new Inbox();
    const b = new Inbox();
    const c = new Inbox();
    const batch = new RelayBatch([a, b, c]);
    const wa = writer(1);
    const wb = writer(2);
    batch.addUpdate(wa.add('a1'), a);
    batch.addUpdate(wb.add('b1'), b);
    batch.addUpdate(wa.add('a2'), a);
    batch.addUpdate(wb.add('b2'), b);
    batch.flush();
    expect([a.frames.length, b.frames.length, c.frames.length]).toEqual([1, 1, 1]);
    expect(keysFrom(a.frames)).toEqual(['b1', 'b2']);
    expect(keysFrom(b.frames)).toEqual(['a1', 'a2']);
    expect(keysFrom(c.frames)).toEqual(['a1', 'a2', 'b1', 'b2']);
    // Everyone who is not a sender gets the very same encoded frame.
    const d = new Inbox();
    const e = new Inbox();
    const shared = new RelayBatch([d, e]);
    shared.addUpdate(wa.add('a3'), null);
    shared.addUpdate(wb.add('b3'), null);
    shared.flush();
    expect(d.frames[0]).toBe(e.frames[0]);
  });

  it('sends nothing to a sender who was the only one, and nothing at all when empty', () => {
    const a = new Inbox();
    const b = new Inbox();
    const batch = new RelayBatch([a, b]);
    const wa = writer(1);
    batch.addUpdate(wa.add('x'), a);
    batch.addUpdate(wa.add('y'), a);
    batch.flush();
    batch.flush();
    expect(a.frames).toHaveLength(0);
    expect(keysFrom(b.frames)).toEqual(['x', 'y']);
  });

  it('flushes by itself at the end of the event-loop turn', async () => {
    const a = new Inbox();
    const batch = new RelayBatch([a]);
    const wa = writer(1);
    batch.addUpdate(wa.add('x'), null);
    batch.addUpdate(wa.add('y'), null);
    expect(a.frames).toHaveLength(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(keysFrom(a.frames)).toEqual(['x', 'y']);
  });

  it('spaces frames: changes in the turns after a flush wait for the gap and go out together', async () => {
    const a = new Inbox();
    const batch = new RelayBatch([a], 30, 0); // spaced from the first connection on
    const wa = writer(1);
    batch.addUpdate(wa.add('x'), null);
    await new Promise((resolve) => setImmediate(resolve));
    expect(a.frames).toHaveLength(1); // a change after a quiet moment goes out at once
    batch.addUpdate(wa.add('y'), null);
    await new Promise((resolve) => setImmediate(resolve));
    batch.addUpdate(wa.add('z'), null);
    await new Promise((resolve) => setImmediate(resolve));
    expect(a.frames).toHaveLength(1); // within the gap: held
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(a.frames).toHaveLength(2);
    expect(keysFrom(a.frames)).toEqual(['x', 'y', 'z']); // the second frame carries both
  });

  it('spaces doc updates and awareness each on its own: a presence just relayed does not hold back a note', async () => {
    const a = new Inbox();
    const batch = new RelayBatch([a], 30, 0); // spaced from the first connection on
    const wa = writer(1);
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    batch.addAwareness(7, 1, { user: { name: 'Aino' } });
    await turn();
    expect(a.frames).toHaveLength(1); // the presence, at once
    batch.addUpdate(wa.add('x'), null);
    await turn();
    expect(keysFrom(updateFrames(a.frames))).toEqual(['x']); // the note did not wait for the presence's gap
    batch.addAwareness(7, 2, { user: { name: 'Aino K.' } });
    batch.addUpdate(wa.add('y'), null);
    await turn();
    expect(a.frames).toHaveLength(2); // both kinds within their gaps now: held
    await new Promise((resolve) => setTimeout(resolve, 45));
    expect(a.frames).toHaveLength(4);
    expect(keysFrom(updateFrames(a.frames))).toEqual(['x', 'y']);
    batch.clear();
  });

  it('does not space frames in a room of at most SPACED_ABOVE_RECIPIENTS connections, and does above it', async () => {
    const wa = writer(1);
    const inboxes = (n: number) => Array.from({ length: n }, () => new Inbox());
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    for (const [size, framesAfterTwoTurns] of [
      [SPACED_ABOVE_RECIPIENTS, 2],
      [SPACED_ABOVE_RECIPIENTS + 1, 1],
    ] as const) {
      const room = inboxes(size);
      const batch = new RelayBatch(room, 30);
      batch.addUpdate(wa.add(`x${size}`), null);
      await turn();
      batch.addUpdate(wa.add(`y${size}`), null);
      await turn();
      expect(room[0]!.frames).toHaveLength(framesAfterTwoTurns);
      batch.clear();
    }
  });

  it('coalesces awareness changes into one update with the latest state of each client', () => {
    const a = new Inbox();
    const batch = new RelayBatch([a]);
    batch.addAwareness(7, 1, { name: 'first' });
    batch.addAwareness(8, 3, { name: 'other' });
    batch.addAwareness(7, 2, { name: 'second' });
    batch.addAwareness(9, 5, null);
    batch.flush();
    expect(a.frames).toHaveLength(1);
    const decoder = decoding.createDecoder(a.frames[0]!);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.Awareness);
    const receiver = new Awareness(new Y.Doc());
    receiver.states.set(9, { name: 'leaving' });
    receiver.meta.set(9, { clock: 4, lastUpdated: 0 });
    applyAwarenessUpdate(receiver, decoding.readVarUint8Array(decoder), 'test');
    expect(receiver.states.get(7)).toEqual({ name: 'second' });
    expect(receiver.states.get(8)).toEqual({ name: 'other' });
    expect(receiver.states.has(9)).toBe(false);
    receiver.destroy();
  });
});
