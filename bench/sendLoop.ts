/**
 * The relay's inner loop alone: one frame sent to N real ws sockets on loopback, as a Uint8Array
 * and as one shared Buffer view (what server/rooms/relayBatch.ts does), alternating, so the
 * machine's load hits both alike. A profile of our server at 300 clients spends 98% of the
 * relay's time in ws.send and 72% in the writev syscall under it.
 *
 *   npx tsx bench/sendLoop.ts [--sockets 300] [--rounds 400] [--bytes 120]
 */
import WebSocket, { WebSocketServer } from 'ws';
import { median } from './lib/stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const sockets = arg('sockets', 300);
const rounds = arg('rounds', 400);

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
await new Promise((resolve) => wss.once('listening', resolve));
const port = (wss.address() as { port: number }).port;
const serverSide: WebSocket[] = [];
wss.on('connection', (ws) => serverSide.push(ws));
const clients = await Promise.all(
  Array.from({ length: sockets }, () => new Promise<WebSocket>((resolve) => {
    const c = new WebSocket(`ws://127.0.0.1:${port}`);
    c.on('open', () => resolve(c));
    c.on('message', () => {});
  })),
);
while (serverSide.length < sockets) await new Promise((resolve) => setTimeout(resolve, 10));

const frame = new Uint8Array(arg('bytes', 120)).fill(7);
const view = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
const times = { uint8array: [] as number[], buffer: [] as number[] };
for (let i = 0; i < rounds; i++) {
  const [kind, data] = i % 2 === 0 ? (['uint8array', frame] as const) : (['buffer', view] as const);
  const start = performance.now();
  for (const ws of serverSide) ws.send(data);
  times[kind].push(performance.now() - start);
  await new Promise((resolve) => setTimeout(resolve, 5)); // the clients read it all before the next round
}
const a = median(times.uint8array);
const b = median(times.buffer);
console.log(`${sockets} sends of one ${frame.byteLength}-byte frame, median of ${rounds / 2}: Uint8Array ${a.toFixed(2)} ms, shared Buffer ${b.toFixed(2)} ms, ratio ${(b / a).toFixed(2)}`);
for (const c of clients) c.terminate();
wss.close();
process.exit(0);
