/**
 * The real entry point in a child process: kill -9 loses nothing any client received, SIGTERM
 * exits 0 after flushing, and a bad config stops start-up naming the variable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addNotes, connectClient, createWall, noteTexts, removeDir, tempDir, waitFor, type TestClient } from '../helpers/server';
import { runServerProcess, startServerProcess, type ServerProcess } from '../helpers/serverProcess';

const N = 60;
const children: ServerProcess[] = [];
const clients: TestClient[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const child of children.splice(0)) if (child.child.exitCode === null && child.child.signalCode === null) await child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) removeDir(dir);
});

async function start(dataDir: string) {
  const child = await startServerProcess({ DATA_DIR: dataDir, STATIC_DIR: `${dataDir}/none` });
  children.push(child);
  return child;
}

describe('server process', () => {
  it('kill -9 keeps every update a client received', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const first = await start(dataDir);
    const { id, tokens } = await createWall(first.url);
    const a = connectClient(first.url, id, tokens.participant);
    const b = connectClient(first.url, id, tokens.viewer);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);

    const texts = addNotes(a, N, 'kestävä');
    await waitFor(() => b.wall.notes().length === N, 10_000, 'B received every note');
    const killed = await first.kill('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    a.destroy();
    b.destroy();

    const second = await start(dataDir);
    const fresh = connectClient(second.url, id, tokens.viewer);
    clients.push(fresh);
    await fresh.synced;
    expect(noteTexts(fresh.wall)).toEqual([...texts].sort());
  });

  it('SIGTERM flushes and exits 0', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const first = await start(dataDir);
    const { id, tokens } = await createWall(first.url);
    const a = connectClient(first.url, id, tokens.facilitator);
    clients.push(a);
    await a.synced;
    addNotes(a, 5, 'siisti');
    await waitFor(async () => {
      const res = await fetch(`${first.url}/api/walls/${id}/export.json`, { headers: { authorization: `Bearer ${tokens.viewer}` } });
      return ((await res.json()) as { notes: unknown[] }).notes.length === 5;
    });
    const exit = await first.kill('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });

    const second = await start(dataDir);
    const fresh = connectClient(second.url, id, tokens.viewer);
    clients.push(fresh);
    await fresh.synced;
    expect(fresh.wall.notes()).toHaveLength(5);
  });

  it('a bad config value stops start-up with exit 1 and a message naming the variable', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const result = await runServerProcess({ DATA_DIR: dataDir, ROOM_UNLOAD_DELAY_MS: '99999' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ROOM_UNLOAD_DELAY_MS');
    expect(result.stdout).not.toContain('listening');
  });
});
