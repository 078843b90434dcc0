import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNotes, removeDir, connectClient, createWall, noteTexts, sleep, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

describe("a viewer's edits go nowhere", () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
  });

  it('not applied, not relayed, not stored; the viewer still receives edits and stays connected', async () => {
    const { id, tokens } = await createWall(server.url);
    const editor = connectClient(server.url, id, tokens.participant);
    const viewer = connectClient(server.url, id, tokens.viewer);
    clients.push(editor, viewer);
    await Promise.all([editor.synced, viewer.synced]);

    addNotes(viewer, 2, 'viewer');
    viewer.wall.setTitle('Viewer was here');
    addNotes(editor, 1, 'editor');

    await waitFor(() => noteTexts(viewer.wall).includes('editor 0'), 5_000, 'viewer receives the edit');
    await waitFor(() => noteTexts(editor.wall).includes('editor 0'));
    await sleep(300); // give a (wrong) relay of the viewer's notes time to arrive
    expect(noteTexts(editor.wall)).toEqual(['editor 0']);
    expect(editor.wall.getMeta().title).toBe('Testiseinä');

    // The server's own doc never had them either: a fresh client sees only the editor's note.
    const fresh = connectClient(server.url, id, tokens.facilitator);
    clients.push(fresh);
    await fresh.synced;
    expect(noteTexts(fresh.wall)).toEqual(['editor 0']);

    // The viewer was not disconnected for trying: it keeps receiving.
    addNotes(editor, 1, 'later');
    await waitFor(() => noteTexts(viewer.wall).includes('later 0'), 5_000, 'viewer keeps receiving');
    expect(viewer.closes).toEqual([]);
  });

  it('not stored: after a restart the wall has only what editors wrote', async () => {
    const { id, tokens } = await createWall(server.url);
    const viewer = connectClient(server.url, id, tokens.viewer);
    await viewer.synced;
    addNotes(viewer, 3, 'viewer');
    // A reconnect makes the viewer send its whole doc again as sync step 2.
    viewer.provider.disconnect();
    viewer.provider.connect();
    await waitFor(() => viewer.provider.synced, 5_000, 'viewer resynced');
    const viewerClientId = viewer.doc.clientID;
    viewer.destroy();

    await server.close({ keepData: true });
    const restarted = await startServer({ dataDir: server.dataDir });
    try {
      const fresh = connectClient(restarted.url, id, tokens.facilitator);
      await fresh.synced;
      expect(fresh.wall.notes()).toEqual([]);
      expect(fresh.wall.groups()).toHaveLength(3);
      // Nothing the viewer's client wrote is in the stored document.
      expect(Y.decodeStateVector(Y.encodeStateVector(fresh.doc)).has(viewerClientId)).toBe(false);
      fresh.destroy();
    } finally {
      await restarted.close();
      removeDir(server.dataDir);
      server = await startServer(); // afterEach closes this one
    }
  });
});
