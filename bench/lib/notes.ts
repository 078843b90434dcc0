/**
 * Notes as the wall keeps them (one Y.Map per note under the `notes` root), written directly so
 * the same edits go to every server and the bench does not depend on the client's model code.
 * Our server is reached with the facilitator's token, which may write any shape (limits apply).
 */
import * as Y from 'yjs';
import { WALL_ROOTS } from '../../shared/wall';

export const notesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(WALL_ROOTS.notes);

export function addNote(doc: Y.Doc, id: string, text: string, groupId = 'g1'): void {
  const note = new Y.Map<unknown>();
  note.set('groupId', groupId);
  note.set('text', text);
  note.set('color', 'yellow');
  note.set('order', `a${id}`);
  note.set('authorName', null);
  note.set('createdAt', Date.now());
  note.set('updatedAt', Date.now());
  notesOf(doc).set(id, note);
}

/**
 * A wall's history as live clients write it: `notes` notes, then edits (text, colour, group) to
 * reach `updates` updates in all, each edit one update. Fixed seed, so every run is the same.
 */
export function buildHistory(notes: number, updates: number): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  let seed = 1;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed >>> 8) % n);
  const colors = ['yellow', 'green', 'blue', 'pink'];
  for (let i = 0; out.length < updates; i++) {
    if (i < notes) {
      addNote(doc, `n${i}`, `Idea ${i}: ${'lorem ipsum '.repeat(1 + rand(4))}`, `g${rand(3)}`);
      continue;
    }
    const note = notesOf(doc).get(`n${rand(notes)}`)!;
    const kind = rand(3);
    if (kind === 0) note.set('text', `Edited ${i}`);
    else if (kind === 1) note.set('color', colors[rand(colors.length)]);
    else note.set('groupId', `g${rand(3)}`);
  }
  return { updates: out, doc };
}

/**
 * Calls `arrived(id, ms)` whenever a note another client wrote reaches one of `docs`, with the
 * time since `sentAt` recorded it; notes without a send time (warm-up) are not reported.
 */
export function recordArrivals(docs: Iterable<Y.Doc>, sentAt: ReadonlyMap<string, number>, arrived: (id: string, ms: number) => void): void {
  for (const doc of docs) {
    notesOf(doc).observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const id of event.keysChanged) {
        const sent = sentAt.get(id);
        if (sent !== undefined) arrived(id, now - sent);
      }
    });
  }
}
