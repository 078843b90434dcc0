/**
 * Awareness from a hostile socket: oversized or malformed states are ignored, a connection may
 * hold only a few client ids and never touch another connection's, so nobody can erase or
 * impersonate someone else's presence. Honest stock clients are unaffected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterAwareness, type AwarenessRoomView } from '../../server/rooms/awarenessGuard';
import { CloseCode } from '../../shared/protocol';
import { awarenessFrame, awarenessUpdate, openRawSocket, type RawSocket } from '../helpers/rawSocket';
import { connectClient, createWall, sleep, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

const user = (name: string) => ({ user: { name, groupId: null, role: 'participant', color: '#336699' } });

let server: TestServer;
let wallId: string;
let token: string;
let honest: TestClient;
let observer: TestClient;
const states = () => observer.provider.awareness.getStates();

beforeAll(async () => {
  server = await startServer();
  const wall = await createWall(server.url);
  wallId = wall.id;
  token = wall.tokens.participant;
  honest = connectClient(server.url, wallId, token);
  observer = connectClient(server.url, wallId, wall.tokens.facilitator);
  await Promise.all([honest.synced, observer.synced]);
  honest.provider.awareness.setLocalStateField('user', user('Rehellinen').user);
  await waitFor(() => states().get(honest.doc.clientID)?.user?.name === 'Rehellinen');
});
afterAll(async () => {
  honest.destroy();
  observer.destroy();
  await server.close();
});

async function raw(): Promise<RawSocket> {
  const socket = await openRawSocket(server.wsUrl, wallId, token);
  await waitFor(() => socket.received.length > 0);
  return socket;
}

/** A valid state from `socket` under `id`: proves the socket was still heard after the abuse. */
async function stillHeard(socket: RawSocket, id: number) {
  socket.send(awarenessFrame([{ id, clock: 100, state: user(`ok ${id}`) }]));
  await waitFor(() => states().get(id)?.user?.name === `ok ${id}`, 5_000, `state of ${id} relayed`);
}

describe('awareness abuse', () => {
  it('a state over 4 KiB is ignored; the socket stays', async () => {
    const s = await raw();
    s.send(awarenessFrame([{ id: 7001, clock: 1, state: { ...user('iso'), pad: 'x'.repeat(5000) } }]));
    await stillHeard(s, 7002);
    expect(states().has(7001)).toBe(false);
    s.ws.close();
  });

  it('a state that does not fit AwarenessState is ignored', async () => {
    const s = await raw();
    s.send(awarenessFrame([{ id: 7101, clock: 1, state: { user: { name: 42, role: 'root' } } }]));
    await stillHeard(s, 7102);
    expect(states().has(7101)).toBe(false);
    s.ws.close();
  });

  it('thousands of invented client ids: closed 4403, none of them shown', async () => {
    const s = await raw();
    const entries = Array.from({ length: 3000 }, (_, i) => ({ id: 10_000 + i, clock: 1, state: user(`haamu ${i}`) }));
    s.send(awarenessFrame(entries));
    const { code, reason } = await s.closed;
    expect(code).toBe(CloseCode.Forbidden);
    expect(reason).toMatch(/awareness client ids/);
    await sleep(100);
    expect([...states().keys()].filter((id) => id >= 10_000 && id < 13_000)).toEqual([]);
    expect(honest.closes).toEqual([]);
  });

  it("cannot remove or overwrite someone else's presence", async () => {
    const s = await raw();
    const victim = honest.doc.clientID;
    const clock = (honest.provider.awareness.meta.get(victim)?.clock ?? 0) + 10;
    s.send(awarenessFrame([{ id: victim, clock, state: null }]));
    s.send(awarenessFrame([{ id: victim, clock: clock + 1, state: user('Huijari') }]));
    await stillHeard(s, 7201);
    expect(states().get(victim)?.user?.name).toBe('Rehellinen');
    s.ws.close();
  });

  it("echoing presences whose owners have left does not get a socket closed", async () => {
    // Two sockets publish five presences between them, then leave: the room drops the states
    // and keeps their clocks. A stock client that had received them sends them all back.
    const entries = [7401, 7402, 7403, 7404, 7405].map((id) => ({ id, clock: 5, state: user(`lähtijä ${id}`) }));
    for (const part of [entries.slice(0, 3), entries.slice(3)]) {
      const s = await raw();
      s.send(awarenessFrame(part));
      await waitFor(() => part.every(({ id }) => states().has(id)), 5_000, 'presences relayed');
      s.ws.close();
      await waitFor(() => part.every(({ id }) => !states().has(id)), 5_000, 'presences removed on leaving');
    }
    const echoer = await raw();
    echoer.send(awarenessFrame(entries));
    await stillHeard(echoer, 7406);
    expect(entries.filter(({ id }) => states().has(id))).toEqual([]);
    echoer.ws.close();
  });

  it('an honest client can still leave: its own null state removes it', async () => {
    const s = await raw();
    await stillHeard(s, 7301);
    s.send(awarenessFrame([{ id: 7301, clock: 101, state: null }]));
    await waitFor(() => !states().has(7301), 5_000, 'own removal relayed');
    s.ws.close();
  });
});

/** What filterAwareness asks of the room: ids other connections hold, the clocks it knows, the states it shows. */
function room({ others = [], clocks = new Map(), shown = [] }: { others?: number[]; clocks?: Map<number, number>; shown?: number[] }): AwarenessRoomView {
  return { heldByConnection: (id) => others.includes(id), awarenessClock: (id) => clocks.get(id), hasAwarenessState: (id) => shown.includes(id) };
}

describe('filterAwareness', () => {
  it('keeps only owned or new ids within the cap', () => {
    const update = awarenessUpdate([
      { id: 1, clock: 1, state: user('a') },
      { id: 2, clock: 1, state: user('b') }, // someone else's
      { id: 3, clock: 1, state: null }, // not ours: a removal would change nothing of ours
    ]);
    const verdict = filterAwareness(update, new Set(), room({ others: [2] }));
    expect(verdict.kind).toBe('apply');
    if (verdict.kind === 'apply') expect(verdict.update).toEqual(awarenessUpdate([{ id: 1, clock: 1, state: user('a') }]));
    expect(filterAwareness(update, new Set([1, 4, 5, 6]), room({})).kind).toBe('too-many-clients');
  });

  it('drops echoes (states no newer than the room has) before counting new ids', () => {
    // Five presences whose owners left: the room keeps their clocks, no connection holds them.
    const clocks = new Map([[21, 3], [22, 3], [23, 3], [24, 3], [25, 3]]);
    const echo = awarenessUpdate([...clocks].map(([id, clock]) => ({ id, clock, state: user(`lähtenyt ${id}`) })));
    expect(filterAwareness(echo, new Set([9]), room({ clocks })).kind).toBe('ignore');
    // A newer clock is a new state, and five of them are over the cap.
    const newer = awarenessUpdate([...clocks].map(([id, clock]) => ({ id, clock: clock + 1, state: user(`uusi ${id}`) })));
    expect(filterAwareness(newer, new Set([9]), room({ clocks })).kind).toBe('too-many-clients');
  });

  it('answers a removed presence sent at an old clock with its removal, and nothing else', () => {
    // 31 was removed at clock 4 (the room shows no state); 32 is shown at clock 4.
    const clocks = new Map([[31, 4], [32, 4]]);
    const view = room({ clocks, shown: [32] });
    const stale = filterAwareness(awarenessUpdate([{ id: 31, clock: 3, state: user('palaava') }, { id: 32, clock: 4, state: user('kaiku') }]), new Set([9]), view);
    expect(stale).toEqual({ kind: 'ignore', reply: awarenessUpdate([{ id: 31, clock: 4, state: null }]) });
    // Removals and shown states get no answer; a newer state is taken as it is.
    expect(filterAwareness(awarenessUpdate([{ id: 31, clock: 4, state: null }, { id: 32, clock: 3, state: user('kaiku') }]), new Set([9]), view)).toEqual({ kind: 'ignore', reply: null });
    const back = awarenessUpdate([{ id: 31, clock: 6, state: user('palaava') }]);
    expect(filterAwareness(back, new Set([9]), view)).toEqual({ kind: 'apply', update: back, reply: null });
  });
});
