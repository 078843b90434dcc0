import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { addNotes, connectClient, createWall, noteTexts, removeDir, startServer, waitFor } from '../helpers/server';

describe('restart keeps data', () => {
  it('closing the app flushes the wall, tells clients 1001, and a new server on the same DATA_DIR has every note', async () => {
    const first = await startServer();
    const { id, tokens } = await createWall(first.url);
    const writer = connectClient(first.url, id, tokens.facilitator); // it renames a group
    await writer.synced;
    const texts = addNotes(writer, 20, 'muistiin');
    writer.wall.renameGroup(writer.wall.groups()[0]!.id, 'Uusi nimi');
    await waitFor(async () => {
      const res = await fetch(`${first.url}/api/walls/${id}/export.json`, { headers: { authorization: `Bearer ${tokens.viewer}` } });
      return ((await res.json()) as { notes: unknown[] }).notes.length === 20;
    });

    await first.close({ keepData: true });
    await waitFor(() => writer.closes.length > 0, 5_000, 'client saw the close');
    expect(writer.closes[0]!.code).toBe(CloseCode.GoingAway);
    writer.destroy();

    const second = await startServer({ dataDir: first.dataDir });
    try {
      const reader = connectClient(second.url, id, tokens.viewer);
      await reader.synced;
      expect(noteTexts(reader.wall)).toEqual([...texts].sort());
      expect(reader.wall.groups()[0]!.name).toBe('Uusi nimi');
      reader.destroy();
      const info = await fetch(`${second.url}/api/walls/${id}`, { headers: { authorization: `Bearer ${tokens.facilitator}` } });
      expect(info.status).toBe(200);
    } finally {
      await second.close();
      removeDir(first.dataDir);
    }
  });
});
