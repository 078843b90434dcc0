import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectClient, createWall, sleep, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';
import { keepPresenceAcrossReconnects } from '../../client/sync/presenceAcrossReconnects';
import { publishOwnPresenceOnly } from '../../client/sync/ownPresenceOnly';
import { MessageType } from '../../shared/protocol';

let server: TestServer;
const clients: TestClient[] = [];
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.close();
});

const user = (name: string, role: string) => ({ name, groupId: null, role, color: '#336699' });

/** A and B on a new wall, B seeing A's presence as Aino. `beforeSync` runs on B's client first. */
async function twoParticipants(beforeSync: (b: TestClient) => void = () => {}) {
  const { id, tokens } = await createWall(server.url);
  const a = connectClient(server.url, id, tokens.participant);
  const b = connectClient(server.url, id, tokens.participant);
  clients.push(a, b);
  beforeSync(b);
  await Promise.all([a.synced, b.synced]);
  a.provider.awareness.setLocalStateField('user', user('Aino', 'participant'));
  const aId = a.doc.clientID;
  await waitFor(() => b.provider.awareness.getStates().get(aId)?.user?.name === 'Aino', 5_000, 'B sees A');
  return { a, b, aId };
}

describe('awareness', () => {
  it('is relayed between editors and removed when a client disconnects', async () => {
    const { id, tokens } = await createWall(server.url);
    const a = connectClient(server.url, id, tokens.participant);
    const b = connectClient(server.url, id, tokens.facilitator);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', user('Aino', 'participant'));
    b.provider.awareness.setLocalStateField('user', user('Bertta', 'facilitator'));
    const aId = a.doc.clientID;
    await waitFor(() => b.provider.awareness.getStates().get(aId)?.user?.name === 'Aino', 5_000, 'B sees A');
    await waitFor(() => a.provider.awareness.getStates().has(b.doc.clientID), 5_000, 'A sees B');

    // A late joiner gets the current states right after the server's sync step 1.
    const c = connectClient(server.url, id, tokens.viewer);
    clients.push(c);
    await c.synced;
    await waitFor(() => c.provider.awareness.getStates().has(aId), 5_000, 'late joiner sees A');

    // Cut A off without the goodbye message the provider sends on a clean disconnect: the
    // server must remove A's state itself when the socket closes.
    a.provider.shouldConnect = false;
    (a.provider.ws as unknown as { terminate(): void }).terminate();
    await waitFor(() => !b.provider.awareness.getStates().has(aId), 5_000, 'B no longer sees A');
    await waitFor(() => !c.provider.awareness.getStates().has(aId), 5_000, 'C no longer sees A');
  });

  it('a client back from a dropped connection is shown again at once, not at its next renewal', async () => {
    const { a, b, aId } = await twoParticipants();
    a.provider.shouldConnect = false;
    (a.provider.ws as unknown as { terminate(): void }).terminate();
    await waitFor(() => !b.provider.awareness.getStates().has(aId), 5_000, 'B no longer sees A');
    // A comes back with its state at the clock it had: the room removed it at a higher one.
    a.provider.connect();
    await waitFor(() => b.provider.awareness.getStates().get(aId)?.user?.name === 'Aino', 5_000, 'B sees A again (renewal is 15 s away)');
  });

  it("a client back from a dropped connection sees everyone again at once (the app's client)", async () => {
    // B set up as WallSession sets up its provider.
    const { a, b, aId } = await twoParticipants((b) => {
      keepPresenceAcrossReconnects(b.provider);
      publishOwnPresenceOnly(b.provider);
    });
    const bId = b.doc.clientID;
    b.provider.awareness.setLocalStateField('user', user('Bertta', 'participant'));
    await waitFor(() => a.provider.awareness.getStates().has(bId), 5_000, 'A sees B');
    // B's socket drops; its provider drops A's presence, and reconnects on its own.
    (b.provider.ws as unknown as { terminate(): void }).terminate();
    await waitFor(() => !b.provider.awareness.getStates().has(aId), 5_000, 'B dropped A on the close');
    await waitFor(() => b.provider.awareness.getStates().get(aId)?.user?.name === 'Aino', 5_000, 'B sees A again (renewal is 15 s away)');
    // And the others see B again: the server's answer to its old clock makes it publish anew.
    await waitFor(() => a.provider.awareness.getStates().get(bId)?.user?.name === 'Bertta', 5_000, 'A sees B again');
  });

  it("the app's client sends its own presence only, not others' back", async () => {
    const { a, b, aId } = await twoParticipants((b) => publishOwnPresenceOnly(b.provider));
    const sent: Uint8Array[] = [];
    const ws = b.provider.ws!;
    const send = ws.send.bind(ws);
    ws.send = (data: Uint8Array) => {
      if (data[0] === MessageType.Awareness) sent.push(data);
      send(data);
    };
    a.provider.awareness.setLocalStateField('user', user('Aino K.', 'participant'));
    await waitFor(() => b.provider.awareness.getStates().get(aId)?.user?.name === 'Aino K.', 5_000, "B sees A's new name");
    await sleep(100);
    expect(sent).toEqual([]); // a stock provider sends A's state back here
    b.provider.awareness.setLocalStateField('user', user('Bertta', 'participant'));
    await waitFor(() => a.provider.awareness.getStates().get(b.doc.clientID)?.user?.name === 'Bertta', 5_000, 'A sees B');
    expect(sent).toHaveLength(1);
  });

  it("a viewer's awareness is not relayed, but the viewer sees everyone", async () => {
    const { id, tokens } = await createWall(server.url);
    const editor = connectClient(server.url, id, tokens.participant);
    const viewer = connectClient(server.url, id, tokens.viewer);
    clients.push(editor, viewer);
    await Promise.all([editor.synced, viewer.synced]);
    viewer.provider.awareness.setLocalStateField('user', user('Projektori', 'viewer'));
    editor.provider.awareness.setLocalStateField('user', user('Eetu', 'participant'));
    await waitFor(() => viewer.provider.awareness.getStates().has(editor.doc.clientID), 5_000, 'viewer sees editor');
    await sleep(200);
    expect(editor.provider.awareness.getStates().has(viewer.doc.clientID)).toBe(false);
  });
});
