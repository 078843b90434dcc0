import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, outdatedTimeout } from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import { sweep } from '../../server/rooms/awarenessSweep';
import { encodeAwareness } from '../../server/rooms/codec';
import { memoryRoom, type MemoryPeer } from '../helpers/memoryRoom';

/** A client's presence as its provider would send it, from a doc of its own. */
function publish(peer: MemoryPeer, name: string): number {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalStateField('user', { name, groupId: null, role: 'participant', color: '#336699' });
  peer.conn.receive(encodeAwareness(encodeAwarenessUpdate(awareness, [awareness.clientID])), true);
  awareness.destroy();
  return awareness.clientID;
}

describe('the shared awareness sweep', () => {
  it('drops a presence nobody renewed for 30 s and keeps a fresh one, as Awareness itself would', async () => {
    const { room, connect } = await memoryRoom();
    const identity = { role: 'participant' as const, groupId: null };
    const stale = connect(identity);
    const fresh = connect(identity);
    const staleId = publish(stale, 'Vanha');
    const freshId = publish(fresh, 'Tuore');
    expect(room.awareness.getStates().has(staleId)).toBe(true);

    // The stale client's last renewal lies further back than the timeout; the fresh one just renewed.
    room.awareness.meta.get(staleId)!.lastUpdated = Date.now() - outdatedTimeout - 1;
    const removed: number[][] = [];
    room.awareness.on('change', ({ removed: ids }: { removed: number[] }) => removed.push(ids));
    sweep();

    expect(room.awareness.getStates().has(staleId)).toBe(false);
    expect(room.awareness.getStates().has(freshId)).toBe(true);
    expect(removed).toEqual([[staleId]]);
    room.destroy();
  });

  it('stops sweeping a room once it is destroyed', async () => {
    const { room, connect } = await memoryRoom();
    const peer = connect({ role: 'participant', groupId: null });
    const id = publish(peer, 'Poistuva');
    room.destroy();
    const states = room.awareness.getStates();
    const before = states.has(id);
    expect(before).toBe(true);
    sweep(Date.now() + 10 * outdatedTimeout);
    // destroy() left the awareness as it was; no later sweep touches it.
    expect(room.awareness.getStates().has(id)).toBe(before);
  });
});
