/**
 * The y-websocket framing (docs/protocol.md), decoded in full before anything acts on it: a
 * frame that does not parse end to end is refused as a whole, so a half-read message never
 * reaches the document or the awareness.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../shared/protocol';

export type Incoming =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array; empty: boolean }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

export class MalformedFrame extends Error {
  override name = 'MalformedFrame';
}

/** Decodes and validates one binary frame. Throws MalformedFrame for anything else. */
export function decodeFrame(frame: Uint8Array): Incoming {
  try {
    const decoder = decoding.createDecoder(frame);
    const message = decodeMessage(decoder);
    if (decoding.hasContent(decoder)) throw new MalformedFrame('trailing bytes');
    return message;
  } catch (err) {
    throw err instanceof MalformedFrame ? err : new MalformedFrame((err as Error).message);
  }
}

function decodeMessage(decoder: decoding.Decoder): Incoming {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.Sync:
      return decodeSync(decoder);
    case MessageType.Awareness: {
      const update = decoding.readVarUint8Array(decoder);
      validateAwareness(update);
      return { kind: 'awareness', update };
    }
    case MessageType.QueryAwareness:
      return { kind: 'query-awareness' };
    default:
      // Auth (2) flows only from server to client; anything else is unknown.
      throw new MalformedFrame(`unexpected message type ${type}`);
  }
}

function decodeSync(decoder: decoding.Decoder): Incoming {
  const syncType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  switch (syncType) {
    case SyncMessageType.Step1:
      Y.decodeStateVector(payload);
      return { kind: 'sync-step1', stateVector: payload };
    case SyncMessageType.Step2:
    case SyncMessageType.Update: {
      // Throws on any update Yjs cannot read; must run before the update is stored.
      const decoded = Y.decodeUpdate(payload);
      const empty = decoded.structs.length === 0 && decoded.ds.clients.size === 0;
      return { kind: 'update', update: payload, empty };
    }
    default:
      throw new MalformedFrame(`unexpected sync message type ${syncType}`);
  }
}

/**
 * applyAwarenessUpdate parses entry by entry and would keep the entries before a broken one,
 * so the whole update is parsed here first.
 */
function validateAwareness(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder); // clientID
    decoding.readVarUint(decoder); // clock
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new MalformedFrame('awareness state is not an object');
    }
  }
  if (decoding.hasContent(decoder)) throw new MalformedFrame('trailing bytes in awareness update');
}

// ---------------------------------------------------------------- outgoing

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (doc: Y.Doc): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncMessageType.Step1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });

export const encodeSyncStep2 = (doc: Y.Doc, stateVector: Uint8Array): Uint8Array =>
  encodeSyncStep2Of(Y.encodeStateAsUpdate(doc, stateVector));

/** Sync step 2 carrying an update already encoded (the room's kept full state). */
export const encodeSyncStep2Of = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncMessageType.Step2);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncMessageType.Update);
    encoding.writeVarUint8Array(e, update);
  });

/** One presence as an awareness update carries it: its state as JSON, 'null' for a removal. */
export interface AwarenessEntry {
  id: number;
  clock: number;
  json: string;
}

/** The awareness update format y-protocols reads (its encodeAwarenessUpdate), of these entries. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { id, clock, json } of entries) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

export const encodeAwareness = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, update);
  });
