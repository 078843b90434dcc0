/**
 * A doc's whole state as several updates of bounded size instead of one, for compaction.
 *
 * Why: a big wall's snapshot applied as one update is one long step (5 000 notes, 1.5 MB: a
 * quarter of a second on an idle machine) in which the server serves nobody else, and a new
 * client's browser freezes for as long. Parts are replayed in slices (Room.replay), so no single
 * step of the server is long. (A new client still gets them joined, as one sync step 2.)
 *
 * How: the structs of each client are written in runs of consecutive clocks, the way Yjs writes
 * an update (writeStructs in yjs: count, client, first clock, then each struct), each run closed
 * with an empty delete set; one last part carries the delete set of the whole doc and no structs.
 * Applied in any order, the parts give the same doc as Y.encodeStateAsUpdate: a struct whose
 * origin is in a later part waits in Yjs's pending structs until that part arrives, and
 * deletions of structs not there yet wait likewise.
 *
 * But waiting is slow: Yjs merges every part that cannot integrate into its pending update
 * again, so a doc of 200 people's sessions (each browser session is one Yjs client) took
 * 0.8–1.2 s in 201 parts against 50–100 ms as one update. So parts are used only when, in the
 * order written, every struct's origins and parent are in its own or an earlier part; when some
 * struct points forward (usual once several people edited each other's notes), the doc is
 * written as one update, as before parts existed.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Bytes of structs per part, about: applying one part takes a few milliseconds. */
export const STATE_PART_BYTES = 64 * 1024;

/**
 * Structs per part at most. Applying a part costs per struct more than per byte: a deleted map
 * value is about 10 bytes, so 64 KiB of them were 6 554 structs, and on a 5 000-note wall with
 * 45 000 overwritten values those parts took 50-300 ms each to apply against 5-20 ms for a part
 * of live notes (2 500 structs): the longest stalls of a cold load.
 */
export const STATE_PART_STRUCTS = 1000;

export function encodeStateInParts(doc: Y.Doc, partBytes = STATE_PART_BYTES, partStructs = STATE_PART_STRUCTS): Uint8Array[] {
  const steps = stepsOfParts(doc, partBytes, partStructs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Work per turn of the event loop while a compaction encodes a big doc in parts. */
export const ENCODE_SLICE_MS = 10;

/**
 * The same parts as encodeStateInParts, made over several turns of the event loop (a 5 000-note
 * wall took 60-280 ms as one step, every other wall and socket waiting). Yjs rewrites its struct
 * lists as the doc changes (items split and merge), so parts made across a change could be
 * wrong: if any transaction touched the doc meanwhile, what was made is dropped and the doc is
 * encoded again in one step, as before. Whatever the caller read about the doc before calling
 * (the seq the snapshot covers) stays true of the result: it holds at least that state.
 */
export async function encodeStateInPartsSliced(
  doc: Y.Doc,
  sliceMs = ENCODE_SLICE_MS,
  partBytes = STATE_PART_BYTES,
  partStructs = STATE_PART_STRUCTS,
): Promise<Uint8Array[]> {
  let changed = false;
  const onTransaction = () => {
    changed = true;
  };
  doc.on('afterTransaction', onTransaction);
  try {
    const steps = stepsOfParts(doc, partBytes, partStructs);
    let sliceStart = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - sliceStart < sliceMs) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (changed) break;
      sliceStart = performance.now();
    }
  } finally {
    doc.off('afterTransaction', onTransaction);
  }
  return encodeStateInParts(doc, partBytes, partStructs);
}

/** Makes the parts, yielding wherever it may pause: after each part and every few thousand structs checked. */
function* stepsOfParts(doc: Y.Doc, partBytes: number, partStructs: number): Generator<void, Uint8Array[]> {
  const { store } = doc;
  // Pending updates are kept in Yjs's own format; the whole-doc encoding knows how to include them.
  if (store.pendingStructs || store.pendingDs) return [Y.encodeStateAsUpdate(doc)];
  const parts: Uint8Array[] = [];
  // Higher client ids first, as Yjs writes them (it resolves conflicts faster that way).
  const clients = [...store.clients.entries()].sort((a, b) => b[0] - a[0]);
  if (!(yield* dependsOnlyBackwards(clients))) return [Y.encodeStateAsUpdate(doc)];
  for (const [client, structs] of clients) {
    let start = 0;
    while (start < structs.length) {
      const body = new Y.UpdateEncoderV1();
      let end = start;
      do {
        structs[end]!.write(body, 0);
        end++;
      } while (end < structs.length && end - start < partStructs && encoding.length(body.restEncoder) < partBytes);
      const part = new Y.UpdateEncoderV1();
      encoding.writeVarUint(part.restEncoder, 1); // clients in this part
      encoding.writeVarUint(part.restEncoder, end - start);
      part.writeClient(client);
      encoding.writeVarUint(part.restEncoder, structs[start]!.id.clock);
      encoding.writeUint8Array(part.restEncoder, body.toUint8Array());
      encoding.writeVarUint(part.restEncoder, 0); // no delete set in this part
      parts.push(part.toUint8Array());
      start = end;
      yield;
    }
  }
  // Against the doc's own state vector: no structs, only the delete set of the whole doc.
  parts.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)));
  // A small doc gains nothing from parts: one update, as Y.encodeStateAsUpdate writes it.
  const bytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const structs = clients.reduce((sum, [, list]) => sum + list.length, 0);
  if (parts.length > 1 && bytes <= partBytes && structs <= partStructs) return [joinStateParts(parts)!];
  return parts;
}

/** Structs checked between two pauses of stepsOfParts. */
const CHECKS_PER_STEP = 4096;

/**
 * Whether, with the clients written in this order, every struct's left and right origins and
 * its parent's item belong to its own client or to a client written before it.
 */
function* dependsOnlyBackwards(clients: readonly [number, readonly (Y.Item | Y.GC)[]][]): Generator<void, boolean> {
  const written = new Set<number>();
  const ok = (id: Y.ID | null | undefined, own: number) => !id || id.client === own || written.has(id.client);
  let checked = 0;
  for (const [client, structs] of clients) {
    for (const struct of structs) {
      if (++checked % CHECKS_PER_STEP === 0) yield;
      if (!(struct instanceof Y.Item)) continue;
      const parentItem = struct.parent instanceof Y.AbstractType ? struct.parent._item : null;
      if (!ok(struct.origin, client) || !ok(struct.rightOrigin, client) || !ok(parentItem?.id, client)) return false;
    }
    written.add(client);
  }
  return true;
}

/**
 * The parts encodeStateInParts made, joined back into the one update Y.encodeStateAsUpdate
 * writes, by copying bytes: a new client gets a loaded wall in one sync step 2 without the doc
 * being encoded again. Null for anything not laid out as those parts.
 */
export function joinStateParts(parts: readonly Uint8Array[]): Uint8Array | null {
  if (parts.length === 1) return parts[0]!; // one part is a whole update already
  const runs: { client: number; clock: number; count: number; bodies: Uint8Array[] }[] = [];
  for (const part of parts.slice(0, -1)) {
    const d = decoding.createDecoder(part);
    if (decoding.readVarUint(d) !== 1) return null;
    const count = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    if (part[part.length - 1] !== 0 || d.pos > part.length - 1) return null;
    const body = part.subarray(d.pos, part.length - 1);
    const last = runs.at(-1);
    if (last?.client === client) {
      last.count += count;
      last.bodies.push(body);
    } else if (runs.some((r) => r.client === client)) {
      return null; // one client's runs must follow each other
    } else {
      runs.push({ client, clock, count, bodies: [body] });
    }
  }
  const deletions = decoding.createDecoder(parts.at(-1)!);
  if (decoding.readVarUint(deletions) !== 0) return null;
  const whole = encoding.createEncoder();
  encoding.writeVarUint(whole, runs.length);
  for (const run of runs) {
    encoding.writeVarUint(whole, run.count);
    encoding.writeVarUint(whole, run.client);
    encoding.writeVarUint(whole, run.clock);
    for (const body of run.bodies) encoding.writeUint8Array(whole, body);
  }
  encoding.writeUint8Array(whole, parts.at(-1)!.subarray(deletions.pos));
  return encoding.toUint8Array(whole);
}
