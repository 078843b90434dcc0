/**
 * Which entries of an incoming awareness update a connection may publish. y-protocols applies
 * whatever it is given: any client id, any state, including `null` for someone else's id,
 * which removes that person's presence for everyone. So entries are filtered first:
 * only ids this connection owns (or new ids, up to a small cap), only states that fit
 * `AwarenessState` and a size bound. Dropped entries are ignored, not punished: a stock client
 * publishes `{}` before its user is set, and a reconnecting client may reuse its id while the
 * server still holds the old socket.
 *
 * Echoes are dropped before anything is counted. A stock y-websocket client sends every presence
 * change it receives back to the server (its awareness 'update' handler does not look at the
 * origin), so each relayed frame comes back from every client. y-protocols applies none of it
 * (the clock is not newer), but when the owners of those ids had left meanwhile, the echo's ids
 * belonged to nobody and were counted as the echoing connection's new ids: an echo of a relayed
 * batch of four or more presences got an honest client closed 4403 (seen in the fuzz test under
 * load; at the end of a workshop many people leave at once).
 *
 * A removed presence sent again at an old clock is answered with its removal. The room keeps a
 * removed id's clock, so the same state at that clock changes nothing: its owner, back on a new
 * socket (or failed over from a dead instance), would stay invisible until its next renewal,
 * and an echo that crossed the removal would bring it back if the clock were forgotten. Told
 * "null at the room's clock", the owner's y-protocols bumps its clock and sends its state again,
 * which is then newer; anyone else just drops the id.
 */
import * as decoding from 'lib0/decoding';
import { AwarenessState } from '../../shared/schemas';
import { encodeAwarenessEntries, type AwarenessEntry } from './codec';

export interface AwarenessLimits {
  /** Bytes of one client's JSON state. */
  maxStateBytes: number;
  /** Awareness client ids one connection may hold at once (a real client has one). */
  maxClientsPerConnection: number;
}

export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = { maxStateBytes: 4096, maxClientsPerConnection: 4 };

/** `reply`: removals to send back to the publisher only (see above), or null. */
export type AwarenessVerdict =
  | { kind: 'apply'; update: Uint8Array; reply: Uint8Array | null }
  | { kind: 'ignore'; reply: Uint8Array | null }
  | { kind: 'too-many-clients' };

/** What the room knows of an id the publishing connection does not hold. */
export interface AwarenessRoomView {
  /** Does a connection of the room hold the id (so another one than the publisher)? */
  heldByConnection(clientId: number): boolean;
  /** The clock the room has for the id (its state may be gone), or undefined if it never had one. */
  awarenessClock(clientId: number): number | undefined;
  /** Does the room show a state for the id (false once it was removed)? */
  hasAwarenessState(clientId: number): boolean;
}

/**
 * `update` has passed codec validation (well-formed, JSON objects or null).
 * `owned`: ids this connection holds.
 */
export function filterAwareness(
  update: Uint8Array,
  owned: ReadonlySet<number>,
  room: AwarenessRoomView,
  limits: AwarenessLimits = DEFAULT_AWARENESS_LIMITS,
): AwarenessVerdict {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: AwarenessEntry[] = [];
  const removals: AwarenessEntry[] = [];
  const added = new Set<number>();
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    const mine = owned.has(id);
    if (!mine) {
      // An echo, or any state no newer than the room's: y-protocols would not apply it. First,
      // as the cheapest check: every relayed presence comes back from every stock client.
      const known = room.awarenessClock(id);
      if (known !== undefined && clock <= known) {
        if (json !== 'null' && !room.hasAwarenessState(id)) removals.push({ id, clock: known, json: 'null' });
        continue;
      }
      if (room.heldByConnection(id)) continue;
    }
    if (json.length > limits.maxStateBytes || Buffer.byteLength(json) > limits.maxStateBytes) continue;
    const state: unknown = JSON.parse(json);
    if (state !== null && !AwarenessState.safeParse(state).success) continue;
    // Removing an id it does not hold changes nothing and must not count against the cap.
    if (state === null && !mine) continue;
    if (!mine) added.add(id);
    kept.push({ id, clock, json });
  }
  if (owned.size + added.size > limits.maxClientsPerConnection) return { kind: 'too-many-clients' };
  const reply = removals.length > 0 ? encodeAwarenessEntries(removals) : null;
  if (kept.length === 0) return { kind: 'ignore', reply };
  return { kind: 'apply', update: encodeAwarenessEntries(kept), reply };
}
