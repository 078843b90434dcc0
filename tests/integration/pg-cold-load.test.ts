/**
 * A big wall on PostgreSQL, end to end: the server compacts it (here at shutdown) into parts,
 * and a restarted server loads those parts, as SQLite's are loaded: the room replays many
 * bounded updates instead of one long one, and a new client gets the whole wall.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roomLoadChannel, type RoomLoadTiming } from '../../server/rooms/roomTimings';
import { addNotes, connectClient, createWall, startServer, waitForServerWall } from '../helpers/server';
import { startPostgres, type Postgres } from '../helpers/services';

// Enough notes (a handful of structs each) for several parts of at most 1 000 structs.
const NOTES = 400;

let postgres: Postgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => postgres?.stop());

async function storedParts(url: string, wallId: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*) AS n FROM snapshot_parts WHERE wall_id = $1', [wallId]);
    return 1 + Number(rows[0].n); // walls.snapshot is part 0
  } finally {
    await client.end();
  }
}

it('a big wall compacted on PostgreSQL loads again from its parts, whole', async () => {
  const databaseUrl = await postgres.createDatabase();
  const first = await startServer({ databaseUrl });
  const wall = await createWall(first.url);
  const writer = connectClient(first.url, wall.id, wall.tokens.facilitator);
  try {
    await writer.synced;
    addNotes(writer, NOTES);
    await waitForServerWall(first.url, wall, (w) => w.notes().length === NOTES, 30_000, 'the server did not get every note');
  } finally {
    writer.destroy();
  }
  await first.close(); // flushes: the room compacts
  const parts = await storedParts(databaseUrl, wall.id);
  expect(parts).toBeGreaterThan(1);

  const loads: RoomLoadTiming[] = [];
  const onLoad = (timing: unknown) => loads.push(timing as RoomLoadTiming);
  roomLoadChannel.subscribe(onLoad);
  const second = await startServer({ databaseUrl });
  const reader = connectClient(second.url, wall.id, wall.tokens.viewer);
  try {
    await reader.synced;
    expect(reader.wall.notes()).toHaveLength(NOTES);
    await expect.poll(() => loads.length).toBe(1);
    expect(loads[0]!.updates).toBe(parts); // the parts and nothing after them
  } finally {
    reader.destroy();
    roomLoadChannel.unsubscribe(onLoad);
    await second.close();
  }
});
