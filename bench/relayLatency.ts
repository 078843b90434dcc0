/**
 * Relay latency on one wall: one writer adds notes, N readers (stock y-websocket providers)
 * record when each note reaches them. Server and clients share this process and the loopback
 * interface, so the figures include the clients' own Yjs work.
 *
 *   npx tsx bench/relayLatency.ts [--readers 20] [--notes 200] [--interval 20]
 */
import { connectClient, createWall, startServer, waitFor, type TestClient } from '../tests/helpers/server';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const READERS = arg('readers', 20);
const NOTES = arg('notes', 200);
const INTERVAL = arg('interval', 20);

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  process.setMaxListeners(0); // every y-websocket provider adds a process 'exit' listener
  const server = await startServer();
  const wall = await createWall(server.url, { title: 'Bench' });
  const writer = connectClient(server.url, wall.id, wall.tokens.participant);
  const readers: TestClient[] = [];
  for (let i = 0; i < READERS; i++) readers.push(connectClient(server.url, wall.id, wall.tokens.participant));
  await Promise.all([writer.synced, ...readers.map((r) => r.synced)]);

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  for (const reader of readers) {
    const seen = new Set<string>();
    reader.wall.observe(() => {
      const now = performance.now();
      for (const note of reader.wall.notes()) {
        if (seen.has(note.id)) continue;
        seen.add(note.id);
        const sent = sentAt.get(note.text);
        if (sent !== undefined) latencies.push(now - sent);
      }
    });
  }

  const group = writer.wall.groups()[0]!.id;
  const rssBefore = process.memoryUsage().rss;
  for (let i = 0; i < NOTES; i++) {
    const text = `bench ${i}`;
    sentAt.set(text, performance.now());
    writer.wall.addNote({ groupId: group, text, color: 'yellow', authorName: null, authorId: 'bench' });
    await new Promise((r) => setTimeout(r, INTERVAL));
  }
  await waitFor(() => latencies.length >= NOTES * READERS, 30_000, 'not every note reached every reader');
  latencies.sort((a, b) => a - b);

  console.log(`readers: ${READERS}, notes: ${NOTES}, one every ${INTERVAL} ms → ${latencies.length} deliveries`);
  console.log(`latency p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`);
  console.log(`process RSS grew by ${((process.memoryUsage().rss - rssBefore) / 2 ** 20).toFixed(1)} MiB during the run`);

  for (const c of [writer, ...readers]) c.destroy();
  await server.close();
}

await main();
