import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addNotes, connectClient, createWall, noteTexts, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

describe('two clients converge', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
  });

  it('notes added and moved by both appear on both', async () => {
    const { id, tokens } = await createWall(server.url);
    const a = connectClient(server.url, id, tokens.facilitator);
    const b = connectClient(server.url, id, tokens.participant);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);

    // Both see the server-made wall.
    expect(a.wall.getMeta().title).toBe('Testiseinä');
    expect(b.wall.groups()).toHaveLength(3);
    const [g1, g2] = a.wall.groups();

    addNotes(a, 3, 'from a');
    addNotes(b, 2, 'from b');
    await waitFor(() => a.wall.notes().length === 5 && b.wall.notes().length === 5, 5_000, 'five notes on both');

    // Concurrent moves: each client moves a note written by the other into the second group.
    const fromB = a.wall.notes().find((n) => n.text === 'from b 0')!;
    const fromA = b.wall.notes().find((n) => n.text === 'from a 1')!;
    a.wall.moveNote(fromB.id, g2!.id, 0);
    b.wall.moveNote(fromA.id, g2!.id, 0);
    await waitFor(
      () => a.wall.notesIn(g2!.id).length === 2 && b.wall.notesIn(g2!.id).length === 2,
      5_000,
      'both moves on both',
    );
    expect(a.wall.notesIn(g2!.id).map((n) => n.id)).toEqual(b.wall.notesIn(g2!.id).map((n) => n.id));
    expect(a.wall.notesIn(g1!.id).map((n) => n.id)).toEqual(b.wall.notesIn(g1!.id).map((n) => n.id));
    expect(noteTexts(a.wall)).toEqual(['from a 0', 'from a 1', 'from a 2', 'from b 0', 'from b 1']);

    // A third client joining later gets everything from the server.
    const c = connectClient(server.url, id, tokens.viewer);
    clients.push(c);
    await c.synced;
    expect(noteTexts(c.wall)).toEqual(noteTexts(a.wall));
    expect(c.wall.notesIn(g2!.id).map((n) => n.id)).toEqual(a.wall.notesIn(g2!.id).map((n) => n.id));
  });
});
