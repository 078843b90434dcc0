/** Connects many clients to one wall in batches (a burst of hundreds of handshakes at once would time out) and waits for every first sync. */
import type { BenchClient, BenchServer } from './servers';

export async function connectMany(server: BenchServer, wall: { id: string; token: string }, count: number, batch = 50): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let i = 0; i < count; i += batch) {
    const some = Array.from({ length: Math.min(batch, count - i) }, () => server.connect(wall));
    await withTimeout(Promise.all(some.map((c) => c.synced)), 60_000, `${server.kind}: ${count} clients to sync`);
    clients.push(...some);
  }
  return clients;
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`bench: ${what} took over ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
