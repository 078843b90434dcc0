/**
 * Several instances over Redis and PostgreSQL: real redis-server and PostgreSQL (throwaway, on
 * loopback), real server processes, real y-websocket clients. An instance is SIGKILLed mid-edit
 * and Redis itself is killed and restarted: every client converges on every edit anyone made,
 * and a dead instance's clients vanish from everyone's presence.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis as IORedis } from 'ioredis';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { JoinCodeResponse, RotateTokenResponse } from '../../shared/schemas';
import { Wall } from '../../shared/wall';
import { apiRequest } from '../helpers/api';
import { awarenessFrame, openRawSocket, upgradeStatus } from '../helpers/rawSocket';
import { connectClient, createWall, noteTexts, sleep, waitFor, wsBase, type TestClient } from '../helpers/server';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { startCuttableProxy } from '../helpers/cuttableProxy';
import { startPostgres, startRedis, type Postgres, type Redis } from '../helpers/services';

const PEER_TIMEOUT_MS = 1_500;

let postgres: Postgres;
let redis: Redis;
const instances: ServerProcess[] = [];
const providers: WebsocketProvider[] = [];
const testClients: TestClient[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
});
afterAll(async () => {
  await Promise.allSettled([postgres?.stop(), redis?.stop()]);
});
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  for (const c of testClients.splice(0)) c.destroy();
  await Promise.all(instances.splice(0).map((i) => (i.child.exitCode === null && i.child.signalCode === null ? i.kill('SIGKILL') : null)));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** `count` instances sharing one fresh database and the Redis. */
async function startInstances(count: number, databaseUrl?: string, env: Record<string, string> = {}) {
  const url = databaseUrl ?? (await postgres.createDatabase());
  const started = await Promise.all(
    Array.from({ length: count }, () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'pajaseina-scale-')); // unused with PostgreSQL, but DATA_DIR must exist
      dirs.push(dataDir);
      return startServerProcess({
        DATA_DIR: dataDir,
        DATABASE_URL: url,
        REDIS_URL: redis.url,
        REDIS_PEER_TIMEOUT_MS: String(PEER_TIMEOUT_MS),
        ...env,
      }, 60_000); // a cold tsx start on a busy 2-core machine can take a while
    }),
  );
  instances.push(...started);
  return { url, instances: started };
}

interface Client {
  doc: Y.Doc;
  wall: Wall;
  provider: WebsocketProvider;
  name: string;
}

/** A stock provider on `server`; pass `doc` to bring an existing document (with its offline edits). */
function connect(server: ServerProcess, wallId: string, token: string, name: string, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(wsBase(server.url), wallId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  providers.push(provider);
  provider.awareness.setLocalStateField('user', { name, groupId: null, role: 'participant', color: '#336699' });
  return { doc, wall: new Wall(doc), provider, name };
}

const synced = (c: Client) => waitFor(() => c.provider.synced, 10_000, `${c.name} synced`);
const sees = (viewer: Client, other: Client) => viewer.provider.awareness.getStates().get(other.doc.clientID)?.user?.name === other.name;

function addNote(c: Client, text: string): void {
  const group = c.wall.groups()[0];
  if (!group) throw new Error('wall has no group');
  if (!c.wall.addNote({ groupId: group.id, text, color: 'yellow', authorName: null, authorId: c.name })) throw new Error('addNote refused');
}

/** Every client holds exactly `expected` (sorted note texts). */
async function converge(clients: Client[], expected: string[], message: string) {
  await waitFor(() => clients.every((c) => JSON.stringify(noteTexts(c.wall)) === JSON.stringify(expected)), 15_000, message);
}

/** Two instances, a wall, and a client on each (A1 on A, B1 on B) that see each other. */
async function oneClientOnEach() {
  const { instances: [a, b] } = await startInstances(2);
  const wall = await createWall(b!.url);
  const token = wall.tokens.participant;
  const a1 = connect(a!, wall.id, token, 'A1');
  const b1 = connect(b!, wall.id, token, 'B1');
  await Promise.all([a1, b1].map(synced));
  await waitFor(() => sees(b1, a1) && sees(a1, b1), 5_000, 'A1 and B1 see each other');
  return { a: a!, b: b!, wall, token, a1, b1 };
}

// About 15 s for the whole file on an idle 2-core machine; the slack is for a busy one, where a
// cold server process alone can take 20 s to start.
describe('several instances over Redis and PostgreSQL', { timeout: 90_000 }, () => {
  it("a change and presence on one instance reach the other instance's clients", async () => {
    const { instances: [a, b] } = await startInstances(2);
    const wall = await createWall(a!.url);
    const aino = connect(a!, wall.id, wall.tokens.participant, 'Aino');
    const bertta = connect(b!, wall.id, wall.tokens.participant, 'Bertta');
    await Promise.all([synced(aino), synced(bertta)]);
    addNote(aino, 'from A');
    addNote(bertta, 'from B');
    await converge([aino, bertta], ['from A', 'from B'], 'both notes on both instances');
    await waitFor(() => sees(bertta, aino) && sees(aino, bertta), 5_000, 'presence crosses instances');
  });

  it('an instance killed mid-edit: everything converges, nothing is lost, its clients leave presence', async () => {
    const { url, instances: [a, b] } = await startInstances(2);
    const wall = await createWall(b!.url);
    const token = wall.tokens.participant;
    const [a1, a2] = [connect(a!, wall.id, token, 'A1'), connect(a!, wall.id, token, 'A2')];
    const [b1, b2] = [connect(b!, wall.id, token, 'B1'), connect(b!, wall.id, token, 'B2')];
    await Promise.all([a1, a2, b1, b2].map(synced));
    await waitFor(() => sees(b1, a1) && sees(b1, a2), 5_000, 'B1 sees the clients of A');

    const written: string[] = [];
    const writeBurst = async (writers: Client[], from: number, to: number) => {
      for (let i = from; i < to; i++) {
        for (const w of writers) {
          const text = `${w.name} ${i}`;
          addNote(w, text);
          written.push(text);
        }
        await sleep(10);
      }
    };
    await writeBurst([a1, b1], 0, 15);
    // Mid-edit: A1 is still sending, B1 too, when A dies without a chance to flush anything.
    const editing = writeBurst([a1, b1], 15, 40);
    await sleep(100);
    expect((await a!.kill('SIGKILL')).signal).toBe('SIGKILL');
    await editing;

    // Their instance is gone: the others stop seeing A1 and A2 within the peer timeout.
    await waitFor(() => !b1.provider.awareness.getStates().has(a1.doc.clientID), 10_000, 'A1 left B1\'s presence');
    await waitFor(() => !b2.provider.awareness.getStates().has(a2.doc.clientID), 10_000, 'A2 left B2\'s presence');

    // A's clients fail over to B, as a load balancer would send them, with their documents
    // holding the edits A never got to store.
    for (const c of [a1, a2]) c.provider.serverUrl = wsBase(b!.url);
    await Promise.all([a1, a2].map((c) => waitFor(() => c.provider.wsconnected && c.provider.synced, 10_000, `${c.name} failed over`)));
    await writeBurst([a1, b2], 40, 45);
    const expected = [...written].sort();
    expect(expected).toHaveLength(90);
    await converge([a1, a2, b1, b2], expected, 'every client has every note');
    await waitFor(() => sees(b1, a1) && sees(b2, a2) && sees(a1, b1), 5_000, 'the moved clients are back in presence');

    // And it is all in PostgreSQL: a fresh instance serves every note to a fresh client.
    const { instances: [c] } = await startInstances(1, url);
    const fresh = connect(c!, wall.id, token, 'C1');
    await converge([fresh], expected, 'a fresh instance loads every note from PostgreSQL');
  });

  it("an echo of a dead instance's client, arriving after its presence was removed, does not bring it back", async () => {
    const { a, b, wall, token, a1, b1 } = await oneClientOnEach();
    // What a stock client on B received of A1, and sends back (y-websocket echoes every change).
    const echo = { id: a1.doc.clientID, clock: b1.provider.awareness.meta.get(a1.doc.clientID)!.clock, state: b1.provider.awareness.getStates().get(a1.doc.clientID) };
    const echoer = await openRawSocket(b.wsUrl, wall.id, token);
    testClients.push({ destroy: () => echoer.ws.close() } as TestClient);

    await a.kill('SIGKILL');
    await waitFor(() => !b1.provider.awareness.getStates().has(a1.doc.clientID), 10_000, "A1 left B1's presence");
    // The echo was on its way while B removed A1 (under load, B's heartbeat check runs right
    // before it reads the frames that waited): it must not make A1 the echoer's client.
    echoer.send(awarenessFrame([echo]));
    echoer.send(awarenessFrame([{ id: 8801, clock: 1, state: { user: { name: 'Kaiku', groupId: null, role: 'participant', color: '#336699' } } }]));
    await waitFor(() => b1.provider.awareness.getStates().get(8801)?.user?.name === 'Kaiku', 5_000, "the echoer's own presence reached B1");
    // B1 would ignore A1 at that clock anyway (it keeps the removal's); a newcomer has no such memory.
    const b2 = connect(b, wall.id, token, 'B2');
    await synced(b2);
    await waitFor(() => b2.provider.awareness.getStates().has(8801), 5_000, 'B2 got the presences');
    expect(b2.provider.awareness.getStates().has(a1.doc.clientID)).toBe(false);
    expect(b1.provider.awareness.getStates().has(a1.doc.clientID)).toBe(false);
  });

  it('an instance counted as gone while it was only stalled gets its clients shown again at once', async () => {
    const { a, a1, b1 } = await oneClientOnEach();
    // A stalls (a paused VM, a long pause) past the peer timeout: B counts it as gone.
    a.child.kill('SIGSTOP');
    await waitFor(() => !b1.provider.awareness.getStates().has(a1.doc.clientID), 10_000, "A1 left B1's presence");
    a.child.kill('SIGCONT');
    // Nothing is edited: hearing A's heartbeat again is all B has. Renewals are 15 s away.
    await waitFor(() => sees(b1, a1), 5_000, 'B1 sees A1 again');
    await waitFor(() => sees(a1, b1), 5_000, 'A1 sees B1 again');
  });

  it('Redis going down and coming back loses no update and restores presence', async () => {
    const { instances: [a, b] } = await startInstances(2);
    const wall = await createWall(a!.url);
    const token = wall.tokens.participant;
    const aino = connect(a!, wall.id, token, 'Aino');
    const bertta = connect(b!, wall.id, token, 'Bertta');
    await Promise.all([synced(aino), synced(bertta)]);
    addNote(aino, 'before');
    await converge([aino, bertta], ['before'], 'first note');

    const port = redis.port;
    await redis.stop();
    const during: string[] = [];
    for (let i = 0; i < 10; i++) {
      addNote(aino, `A during ${i}`);
      addNote(bertta, `B during ${i}`);
      during.push(`A during ${i}`, `B during ${i}`);
      await sleep(20);
    }
    // Long enough for each instance to count the other as gone.
    await sleep(PEER_TIMEOUT_MS + 1_000);
    expect(noteTexts(aino.wall)).not.toContain('B during 0'); // really cut off from each other
    redis = await startRedis(port);
    // No edit after the outage: nothing but the reconnect itself may reveal what was missed.
    const expected = ['before', ...during].sort();
    await converge([aino, bertta], expected, 'the updates made while Redis was down reach the other instance');
    await waitFor(() => sees(bertta, aino) && sees(aino, bertta), 10_000, 'presence is back on both instances');
  });

  describe('revocations reach every instance', () => {
    /** A client whose close codes are recorded (tests/helpers/server's connectClient). */
    const watched = (server: ServerProcess, wallId: string, token: string) => {
      const client = connectClient(server.url, wallId, token);
      testClients.push(client);
      return client;
    };
    const upgrade = (server: ServerProcess, wallId: string, token: string) => upgradeStatus(`${server.wsUrl}/${wallId}?token=${token}`);
    const rotate = async (server: ServerProcess, wallId: string, facilitator: string) => {
      const res = await apiRequest(server.url, 'POST', `/api/walls/${wallId}/rotate`, facilitator, { role: 'participant' });
      expect(res.status).toBe(200);
      return RotateTokenResponse.parse(await res.json()).token;
    };

    it('a link rotated through A closes its sockets on B with 4401; the old token opens nothing anywhere', async () => {
      const { instances: [a, b] } = await startInstances(2);
      const wall = await createWall(a!.url);
      const onB = watched(b!, wall.id, wall.tokens.participant);
      const viewerOnB = watched(b!, wall.id, wall.tokens.viewer);
      await Promise.all([onB.synced, viewerOnB.synced]);
      const fresh = await rotate(a!, wall.id, wall.tokens.facilitator);
      await waitFor(() => onB.closes.some((c) => c.code === CloseCode.Unauthorized), 5_000, 'B closed the old link with 4401');
      for (const server of [a!, b!]) expect(await upgrade(server, wall.id, wall.tokens.participant)).toBe(401);
      // Only that link: the viewer on B stays, and the new participant link works on B.
      expect(viewerOnB.closes).toEqual([]);
      expect(await upgrade(b!, wall.id, fresh)).toBe(101);
    });

    it('a wall deleted through A closes its sockets on B with 4410; nobody gets back in on either', async () => {
      const { instances: [a, b] } = await startInstances(2);
      const wall = await createWall(a!.url);
      const onB = watched(b!, wall.id, wall.tokens.participant);
      const onA = watched(a!, wall.id, wall.tokens.participant);
      await Promise.all([onA.synced, onB.synced]);
      expect((await apiRequest(a!.url, 'DELETE', `/api/walls/${wall.id}`, wall.tokens.facilitator)).status).toBe(204);
      await waitFor(() => onB.closes.some((c) => c.code === CloseCode.WallDeleted), 5_000, 'B closed the wall with 4410');
      // A's own client hears its close on its own socket: not necessarily before B's.
      await waitFor(() => onA.closes.some((c) => c.code === CloseCode.WallDeleted), 5_000, 'A closed the wall with 4410');
      for (const server of [a!, b!]) expect(await upgrade(server, wall.id, wall.tokens.participant)).toBe(404);
    });

    it('a rotation made while Redis was down closes the old sockets on B once Redis is back', async () => {
      const { instances: [a, b] } = await startInstances(2);
      const wall = await createWall(a!.url);
      const onB = watched(b!, wall.id, wall.tokens.participant);
      await onB.synced;
      const port = redis.port;
      await redis.stop();
      await rotate(a!, wall.id, wall.tokens.facilitator);
      await sleep(500);
      expect(onB.closes).toEqual([]); // the revocation could not travel
      redis = await startRedis(port);
      await waitFor(() => onB.closes.some((c) => c.code === CloseCode.Unauthorized), 10_000, 'B re-checked its sockets after the reconnect');
    });

    it("a rotation made while only A's Redis link was down reaches B once A's link is back", async () => {
      // B's link never drops, so B has no reconnect to re-check after: only A can make up for it.
      const proxyForA = await startCuttableProxy(redis.port);
      try {
        const { url, instances: [a] } = await startInstances(1, undefined, { REDIS_URL: proxyForA.url.replace('http:', 'redis:') });
        const { instances: [b] } = await startInstances(1, url);
        const wall = await createWall(a!.url);
        const onB = watched(b!, wall.id, wall.tokens.participant);
        await onB.synced;
        await proxyForA.cut();
        await rotate(a!, wall.id, wall.tokens.facilitator);
        await sleep(500);
        expect(onB.closes).toEqual([]); // the revocation could not travel
        await proxyForA.restore();
        await waitFor(() => onB.closes.some((c) => c.code === CloseCode.Unauthorized), 10_000, 'A sent the revocation again once its link was back');
      } finally {
        await proxyForA.close();
      }
    });
  });

  it('MAX_WALL_BYTES counts what every instance stored: writes split over two instances are refused with 4413', async () => {
    const maxWallBytes = 64 * 1024; // the smallest allowed
    const { instances: [a, b] } = await startInstances(2, undefined, { MAX_WALL_BYTES: String(maxWallBytes) });
    const wall = await createWall(a!.url);
    const onA = connectClient(a!.url, wall.id, wall.tokens.participant);
    const onB = connectClient(b!.url, wall.id, wall.tokens.participant);
    testClients.push(onA, onB);
    await Promise.all([onA.synced, onB.synced]);
    const longNote = (client: TestClient, text: string) => {
      const group = client.wall.groups()[0]!;
      expect(client.wall.addNote({ groupId: group.id, text: text.padEnd(1_900, '.'), color: 'yellow', authorName: null, authorId: 'x' })).toBeDefined();
    };
    // Each instance alone stays well under the limit: 20 notes of ~2 kB are ~40 kB on each side.
    for (let i = 0; i < 20; i++) longNote(onA, `A ${i}`);
    await waitFor(() => onB.wall.notes().length === 20, 10_000, "B has A's notes");
    for (let i = 0; i < 20; i++) longNote(onB, `B ${i}`);
    await waitFor(() => onB.closes.some((c) => c.code === CloseCode.WallFull), 10_000, 'B refused the write that took the wall past the limit');
    // A counts B's bytes too: its next note does not fit either.
    await waitFor(() => onA.wall.notes().length > 20, 10_000, "A got B's accepted notes");
    longNote(onA, 'A one more');
    await waitFor(() => onA.closes.some((c) => c.code === CloseCode.WallFull), 10_000, 'A refused its next note too');
  });

  it('a join code made on A opens the wall on B (codes live in PostgreSQL)', async () => {
    const { instances: [a, b] } = await startInstances(2);
    const wall = await createWall(a!.url);
    const res = await apiRequest(a!.url, 'POST', `/api/walls/${wall.id}/join-code`, wall.tokens.facilitator, { participantToken: wall.tokens.participant });
    expect(res.status).toBe(200);
    const { code } = JoinCodeResponse.parse(await res.json());
    const opened = await fetch(`${b!.url}/j/${code}`, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe(`/w/${wall.id}#${wall.tokens.participant}`);
    // Asked again on B (the projector reloaded behind the balancer): the same code.
    const again = await apiRequest(b!.url, 'POST', `/api/walls/${wall.id}/join-code`, wall.tokens.facilitator, { participantToken: wall.tokens.participant });
    expect(JoinCodeResponse.parse(await again.json()).code).toBe(code);
  });

  it('failed requests count across instances: guesses split over A and B hit one limit', async () => {
    // The earlier tests' refused upgrades (same address, same Redis) must not count here.
    const admin = new IORedis(redis.url);
    await admin.flushall();
    admin.disconnect();
    const { instances: [a, b] } = await startInstances(2, undefined, { AUTH_FAILURES_PER_MINUTE: '3' });
    const wall = await createWall(a!.url);
    const guess = (server: ServerProcess) => apiRequest(server.url, 'GET', `/api/walls/${wall.id}`, 'arvattu-vaara-token-1234567890ab');
    // Three wrong guesses, two on A and one on B: each instance alone would still be under 3.
    for (const server of [a!, a!, b!]) expect((await guess(server)).status).toBe(401);
    // Past the shared limit even the right token gets 429, on either instance.
    for (const server of [a!, b!]) expect((await apiRequest(server.url, 'GET', `/api/walls/${wall.id}`, wall.tokens.facilitator)).status).toBe(429);
  });
});
