/**
 * The bytes instances exchange over Redis. Every message names its sender (instance id and a
 * per-room-link serial) and counts up from 1 per link, so a receiver notices any message it
 * missed and resyncs from storage instead of silently drifting.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';
import type { Revocation } from './bus';

export const MessageKind = {
  /** A Yjs update the sender has already stored. */
  Update: 0,
  /** An awareness update from the sender's own clients. */
  Awareness: 1,
  /** The sender (re)joined or resynced: every peer re-publishes its clients' awareness. */
  Hello: 2,
} as const;
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];

export interface BusMessage {
  instanceId: string;
  /** Which link of that instance: a room loaded again starts counting from 1 again. */
  link: number;
  counter: number;
  kind: MessageKind;
  payload: Uint8Array;
}

export function encodeMessage(m: BusMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, m.instanceId);
  encoding.writeVarUint(e, m.link);
  encoding.writeVarUint(e, m.counter);
  encoding.writeVarUint(e, m.kind);
  encoding.writeVarUint8Array(e, m.payload);
  return encoding.toUint8Array(e);
}

/** Throws on anything malformed; the caller treats that like a missed message. */
export function decodeMessage(bytes: Uint8Array): BusMessage {
  const d = decoding.createDecoder(bytes);
  const instanceId = decoding.readVarString(d);
  const link = decoding.readVarUint(d);
  const counter = decoding.readVarUint(d);
  const kind = decoding.readVarUint(d);
  const payload = decoding.readVarUint8Array(d);
  if (kind > MessageKind.Hello || decoding.hasContent(d)) throw new Error('malformed bus message');
  return { instanceId, link, counter, kind: kind as MessageKind, payload };
}

/** Revocations travel as JSON on their own channel: rare, small, and read by people debugging. */
const RevocationMessage = z.discriminatedUnion('kind', [
  z.object({ from: z.string(), kind: z.literal('token'), wallId: z.string(), tokenHash: z.string() }).strict(),
  z.object({ from: z.string(), kind: z.literal('wall'), wallId: z.string() }).strict(),
]);

export function encodeRevocation(from: string, revocation: Revocation): string {
  return JSON.stringify({ from, ...revocation });
}

/** Throws on anything malformed. */
export function decodeRevocation(text: string): { from: string; revocation: Revocation } {
  const { from, ...revocation } = RevocationMessage.parse(JSON.parse(text));
  return { from, revocation };
}
