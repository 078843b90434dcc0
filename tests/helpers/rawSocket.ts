/**
 * A bare `ws` client for sending what no well-behaved provider would: garbage, text frames,
 * hand-built y-websocket messages.
 */
import WebSocket from 'ws';
import { encodeAwareness, encodeAwarenessEntries } from '../../server/rooms/codec';

export interface RawSocket {
  ws: WebSocket;
  /** Every binary frame received. */
  received: Uint8Array[];
  /** Resolves with the close code and reason, whoever closed. */
  closed: Promise<{ code: number; reason: string }>;
  send(data: Uint8Array | string): void;
}

/** Opens `${wsUrl}/${wallId}?token=…` and resolves once the upgrade succeeded. */
export function openRawSocket(
  wsUrl: string,
  wallId: string,
  token: string,
  options: { autoPong?: boolean } = {},
): Promise<RawSocket> {
  const ws = new WebSocket(`${wsUrl}/${wallId}?token=${encodeURIComponent(token)}`, { autoPong: options.autoPong ?? true });
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  ws.on('error', () => {}); // the close event carries what the tests look at
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, received, closed, send: (data) => ws.send(data) }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
}

/** Tries an upgrade and resolves with the HTTP status of the refusal, or 101 if it succeeded. */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('error', () => {});
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.once('open', () => {
      resolve(101);
      ws.close();
    });
    setTimeout(() => reject(new Error('no answer to the upgrade')), 5_000).unref();
  });
}

/** One entry of a hand-built awareness update; `state` null removes the id. */
export interface AwarenessEntry {
  id: number;
  clock: number;
  state: unknown;
}

/** The awareness update y-protocols' applyAwarenessUpdate reads. */
export function awarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
  return encodeAwarenessEntries(entries.map(({ id, clock, state }) => ({ id, clock, json: JSON.stringify(state) })));
}

/** The same update as a y-websocket awareness frame. */
export function awarenessFrame(entries: AwarenessEntry[]): Uint8Array {
  return encodeAwareness(awarenessUpdate(entries));
}
