/**
 * Updates whose dependencies never arrive: invisible to everyone else, cut off past the
 * pending bound (4509) or, when they cannot even be placed in the wall, refused (4403). After a
 * restart the stored wall decodes cleanly and holds none of them.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, SyncMessageType } from '../../shared/protocol';
import { Wall } from '../../shared/wall';
import { openRawSocket } from '../helpers/rawSocket';
import { addNotes, connectClient, createWall, noteTexts, sleep, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

const LIMIT = 64 * 1024;
let server: TestServer;
let wallId: string;
let tokens: { facilitator: string; participant: string; viewer: string };
let watcher: TestClient;

beforeAll(async () => {
  server = await startServer({ maxMessageBytes: LIMIT });
  ({ id: wallId, tokens } = await createWall(server.url));
  watcher = connectClient(server.url, wallId, tokens.viewer);
  await watcher.synced;
});
afterAll(async () => {
  watcher.destroy();
  await server.close();
});

const updateFrame = (update: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  encoding.writeVarUint(e, SyncMessageType.Update);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};

/** A participant's doc synced with the wall, recording each of its updates. */
async function participantDoc() {
  const doc = new Y.Doc();
  for (const u of (await server.app.store.loadState(wallId)).updates) Y.applyUpdate(doc, u);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { wall: new Wall(doc), updates };
}

describe('missing dependencies', () => {
  it('new notes queued behind a withheld update: never shown, cut off past the bound', async () => {
    const { wall, updates } = await participantDoc();
    const group = wall.groups()[0]!.id;
    for (let i = 0; i < 50; i++) wall.addNote({ groupId: group, text: `orpo ${i} ${'z'.repeat(1900)}`, color: 'yellow', authorName: null, authorId: 'o' });
    const raw = await openRawSocket(server.wsUrl, wallId, tokens.participant);
    await waitFor(() => raw.received.length > 0);
    for (const u of updates.slice(1)) raw.send(updateFrame(u)); // the first never comes
    expect((await raw.closed).code).toBe(CloseCode.TooManyPendingUpdates);
    await sleep(100);
    expect(noteTexts(watcher.wall).filter((t) => t.startsWith('orpo'))).toEqual([]);
    expect(watcher.closes).toEqual([]);
  });

  it('an edit whose left neighbour never arrived cannot be placed: 4403, nothing stored', async () => {
    const { wall, updates } = await participantDoc();
    const note = wall.addNote({ groupId: wall.groups()[0]!.id, text: 'eka', color: 'yellow', authorName: null, authorId: 'o' })!;
    wall.updateNoteText(note, 'toka');
    const before = (await server.app.store.loadState(wallId)).lastSeq;
    const raw = await openRawSocket(server.wsUrl, wallId, tokens.participant);
    await waitFor(() => raw.received.length > 0);
    raw.send(updateFrame(updates[1]!));
    expect((await raw.closed).code).toBe(CloseCode.Forbidden);
    expect((await server.app.store.loadState(wallId)).lastSeq).toBe(before);
  });

  it('after a restart the wall decodes cleanly: honest notes present, no orphans, nothing pending', async () => {
    const honest = connectClient(server.url, wallId, tokens.participant);
    await honest.synced;
    const texts = addNotes(honest, 5, 'rehellinen');
    await waitFor(() => noteTexts(watcher.wall).filter((t) => t.startsWith('rehellinen')).length === 5);
    honest.destroy();
    watcher.destroy();
    await server.close({ keepData: true });
    server = await startServer({ dataDir: server.dataDir, maxMessageBytes: LIMIT });
    const replay = new Y.Doc();
    for (const u of (await server.app.store.loadState(wallId)).updates) Y.applyUpdate(replay, u);
    expect(replay.store.pendingStructs).toBeNull();
    const wall = new Wall(replay);
    expect(wall.groups()).toHaveLength(3);
    expect(noteTexts(wall)).toEqual([...texts].sort());
    watcher = connectClient(server.url, wallId, tokens.viewer);
    await watcher.synced;
    expect(noteTexts(watcher.wall)).toEqual([...texts].sort());
  });
});
