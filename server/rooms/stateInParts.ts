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
 * with an empty delete set; the last parts carry the delete set of the whole doc and no structs,
 * at most STATE_PART_RANGES ranges each.
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
 * of live notes (2 500 structs): the longest stalls of a cold load. At 1 000 structs single
 * parts still took 10-16 ms (traced with bench/coldTrace.ts, 2026-12-04), more than a whole
 * slice of the replay (LOAD_SLICE_MS): at 250 none was seen above 5 ms but the first, while
 * the code is still cold.
 */
export const STATE_PART_STRUCTS = 250;

/**
 * Deleted ranges per part. The delete set of the whole doc as one part was the longest single
 * step of a cold load: a 5 000-note wall with 45 000 overwritten values has 3 300 ranges, 6 ms to
 * apply on an idle machine (with its transaction's cleanup), 10-15 ms on a loaded one.
 */
export const STATE_PART_RANGES = 500;

export function encodeStateInParts(
  doc: Y.Doc,
  partBytes = STATE_PART_BYTES,
  partStructs = STATE_PART_STRUCTS,
  partRanges = STATE_PART_RANGES,
): Uint8Array[] {
  const steps = stepsOfParts(doc, partBytes, partStructs, partRanges);
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
  partRanges = STATE_PART_RANGES,
): Promise<Uint8Array[]> {
  let changed = false;
  const onTransaction = () => {
    changed = true;
  };
  doc.on('afterTransaction', onTransaction);
  try {
    const steps = stepsOfParts(doc, partBytes, partStructs, partRanges);
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
  return encodeStateInParts(doc, partBytes, partStructs, partRanges);
}

/** Makes the parts, yielding wherever it may pause: after each part and every few thousand structs checked. */
function* stepsOfParts(doc: Y.Doc, partBytes: number, partStructs: number, partRanges: number): Generator<void, Uint8Array[]> {
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
  parts.push(...splitDeleteSet(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)), partRanges));
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
 * An update with no structs, only a delete set, as several such updates of at most `maxRanges`
 * ranges each, in the same order (clients as written, each client's ranges in order; a client's
 * ranges may continue in the next part). Applied in any order they delete the same.
 */
function splitDeleteSet(update: Uint8Array, maxRanges: number): Uint8Array[] {
  const d = decoding.createDecoder(update);
  if (decoding.readVarUint(d) !== 0) throw new Error('not a delete set alone');
  const chunks: { client: number; count: number; start: number; end: number }[][] = [[]];
  let inChunk = 0;
  for (let clients = decoding.readVarUint(d); clients > 0; clients--) {
    const client = decoding.readVarUint(d);
    let left = decoding.readVarUint(d);
    while (left > 0) {
      if (inChunk === maxRanges) {
        chunks.push([]);
        inChunk = 0;
      }
      const count = Math.min(left, maxRanges - inChunk);
      const start = d.pos;
      for (let i = 0; i < 2 * count; i++) decoding.readVarUint(d); // clock, length
      chunks.at(-1)!.push({ client, count, start, end: d.pos });
      inChunk += count;
      left -= count;
    }
  }
  if (chunks.length === 1) return [update];
  return chunks.map((runs) => {
    const part = encoding.createEncoder();
    encoding.writeVarUint(part, 0); // no structs
    encoding.writeVarUint(part, runs.length);
    for (const run of runs) {
      encoding.writeVarUint(part, run.client);
      encoding.writeVarUint(part, run.count);
      encoding.writeUint8Array(part, update.subarray(run.start, run.end));
    }
    return encoding.toUint8Array(part);
  });
}

/**
 * The delete set parts splitDeleteSet made (or the one it left whole), joined back into one
 * delete set as Yjs writes it: each client once, with all its ranges. Null if a client's ranges
 * do not follow each other.
 */
function joinDeleteSets(parts: readonly Uint8Array[]): Uint8Array | null {
  if (parts.length === 1) return parts[0]!.subarray(1);
  const runs: { client: number; count: number; bodies: Uint8Array[] }[] = [];
  for (const part of parts) {
    const d = decoding.createDecoder(part);
    if (decoding.readVarUint(d) !== 0) return null;
    for (let clients = decoding.readVarUint(d); clients > 0; clients--) {
      const client = decoding.readVarUint(d);
      const count = decoding.readVarUint(d);
      const start = d.pos;
      for (let i = 0; i < 2 * count; i++) decoding.readVarUint(d);
      const body = part.subarray(start, d.pos);
      const last = runs.at(-1);
      if (last?.client === client) {
        last.count += count;
        last.bodies.push(body);
      } else if (runs.some((r) => r.client === client)) {
        return null;
      } else {
        runs.push({ client, count, bodies: [body] });
      }
    }
    if (d.pos !== part.length) return null;
  }
  const whole = encoding.createEncoder();
  encoding.writeVarUint(whole, runs.length);
  for (const run of runs) {
    encoding.writeVarUint(whole, run.client);
    encoding.writeVarUint(whole, run.count);
    for (const body of run.bodies) encoding.writeUint8Array(whole, body);
  }
  return encoding.toUint8Array(whole);
}

/**
 * The parts encodeStateInParts made, joined back into the one update Y.encodeStateAsUpdate
 * writes, by copying bytes: a new client gets a loaded wall in one sync step 2 without the doc
 * being encoded again. Null for anything not laid out as those parts.
 */
export function joinStateParts(parts: readonly Uint8Array[]): Uint8Array | null {
  if (parts.length === 1) return parts[0]!; // one part is a whole update already
  // Parts of structs first (each starts with its one client), then those of the delete set (none).
  let firstDeletions = parts.length;
  while (firstDeletions > 0 && parts[firstDeletions - 1]![0] === 0) firstDeletions--;
  if (firstDeletions === parts.length) return null;
  const runs: { client: number; clock: number; count: number; bodies: Uint8Array[] }[] = [];
  for (const part of parts.slice(0, firstDeletions)) {
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
  const deletions = joinDeleteSets(parts.slice(firstDeletions));
  if (deletions === null) return null;
  // Written into one buffer of the exact size: a big wall's state is 1.5 MB, and an encoder
  // growing by doubling allocated about twice that again (memory outside the heap, which makes
  // V8 collect sooner, right while a cold load replays).
  let size = varUintSize(runs.length) + deletions.byteLength;
  for (const run of runs) {
    size += varUintSize(run.count) + varUintSize(run.client) + varUintSize(run.clock);
    for (const body of run.bodies) size += body.byteLength;
  }
  const whole = new Uint8Array(size);
  let pos = putVarUint(whole, 0, runs.length);
  for (const run of runs) {
    pos = putVarUint(whole, pos, run.count);
    pos = putVarUint(whole, pos, run.client);
    pos = putVarUint(whole, pos, run.clock);
    for (const body of run.bodies) {
      whole.set(body, pos);
      pos += body.byteLength;
    }
  }
  whole.set(deletions, pos);
  return whole;
}

/** Bytes of `n` as lib0 writes a var uint: 7 bits a byte. */
function varUintSize(n: number): number {
  let size = 1;
  for (; n > 0x7f; n = Math.floor(n / 128)) size++;
  return size;
}

function putVarUint(buf: Uint8Array, pos: number, n: number): number {
  for (; n > 0x7f; n = Math.floor(n / 128)) buf[pos++] = 0x80 | (n & 0x7f);
  buf[pos++] = n;
  return pos;
}
