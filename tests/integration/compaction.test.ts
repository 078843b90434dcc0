import { afterEach, describe, expect, it } from 'vitest';
import { addNotes, connectClient, createWall, noteTexts, removeDir, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

const servers: TestServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

describe('compaction under many edits', () => {
  it('keeps the log short and every edit, across a restart', async () => {
    const server = await startServer({ compactAfterUpdates: 20 });
    const { id, tokens } = await createWall(server.url);
    const a = connectClient(server.url, id, tokens.participant);
    const b = connectClient(server.url, id, tokens.facilitator);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);

    // Two writers at once, 150 updates each, with edits and moves mixed in.
    const texts = [...addNotes(a, 150, 'a'), ...addNotes(b, 150, 'b')];
    const [, g2] = a.wall.groups();
    for (const note of a.wall.notes().slice(0, 30)) a.wall.moveNote(note.id, g2!.id, 0);
    for (const note of b.wall.notes().slice(-30)) b.wall.updateNoteText(note.id, `${note.text} (edited)`);
    await waitFor(
      () => noteTexts(a.wall).join() === noteTexts(b.wall).join() && a.wall.notesIn(g2!.id).length === 30,
      10_000,
      'both converge',
    );
    const expected = noteTexts(a.wall);
    expect(expected).toHaveLength(texts.length);
    expect(expected.filter((t) => t.endsWith('(edited)'))).toHaveLength(30);

    // The store holds a snapshot plus fewer than one batch of updates, not 360 rows.
    await waitFor(async () => (await server.app.store.loadState(id)).updates.length <= 21, 5_000, 'log compacted');

    await server.close({ keepData: true });
    const again = await startServer({ dataDir: server.dataDir, compactAfterUpdates: 20 });
    servers.push(again);
    const fresh = connectClient(again.url, id, tokens.viewer);
    clients.push(fresh);
    await fresh.synced;
    expect(noteTexts(fresh.wall)).toEqual(expected);
    expect(fresh.wall.notesIn(g2!.id)).toHaveLength(30);
    removeDir(server.dataDir);
  });
});
