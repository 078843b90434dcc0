/**
 * Write scopes decided from real Yjs updates: a server doc and a client doc that synced from it,
 * the client edits through the Wall accessors, and its update is judged against the server doc.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate, type Refusal } from '../../server/rooms/permissions';
import { wallState } from '../../server/rooms/updateGate';
import { analyseUpdate } from '../../server/rooms/updateScope';
import { LIMITS } from '../../shared/limits';
import { CloseCode } from '../../shared/protocol';
import type { Role } from '../../shared/schemas';
import { Wall } from '../../shared/wall';

function setup() {
  const server = new Wall(new Y.Doc());
  server.initialise({ title: 'Paja', language: 'fi', createdAt: 1 }, ['Yksi', 'Kaksi', 'Kolme']);
  const [g1, g2] = server.groups().map((g) => g.id) as [string, string];
  const note = (groupId: string, text: string) =>
    server.addNote({ groupId, text, color: 'yellow', authorName: 'A', authorId: 'a' })!;
  const n1 = note(g1, 'ykkösen lappu');
  const n2 = note(g2, 'kakkosen lappu');
  return { server, g1, g2, n1, n2 };
}

/** A client synced with `server`; returns the update its `edit` makes. */
function clientUpdate(server: Wall, edit: (w: Wall) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.doc));
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  edit(new Wall(doc));
  return Y.mergeUpdates(updates);
}

function judge(server: Wall, update: Uint8Array, role: Role, groupId: string | null = null): Refusal | null {
  return checkUpdate({ role, groupId }, analyseUpdate(server.doc, update), wallState(server.doc));
}

const code = (r: Refusal | null) => r?.code ?? null;

describe('plain participant: notes anywhere, nothing else', () => {
  const allowed: [string, (w: Wall, s: ReturnType<typeof setup>) => void][] = [
    ['adds a note', (w, s) => w.addNote({ groupId: s.g2, text: 'uusi', color: 'blue', authorName: null, authorId: 'b' })],
    ['edits a note of any group', (w, s) => w.updateNoteText(s.n2, 'muokattu')],
    ['recolours a note', (w, s) => w.setNoteColor(s.n1, 'pink')],
    ['moves a note to another group', (w, s) => w.moveNote(s.n1, s.g2, 0)],
    ['deletes a note', (w, s) => w.deleteNote(s.n2)],
    ['restores a deleted note (undo)', (w, s) => w.restoreNote(w.deleteNote(s.n1)!)],
  ];
  for (const [name, edit] of allowed) {
    it(`${name}: allowed`, () => {
      const s = setup();
      expect(judge(s.server, clientUpdate(s.server, (w) => edit(w, s)), 'participant')).toBeNull();
    });
  }

  const refused: [string, (w: Wall, s: ReturnType<typeof setup>) => void][] = [
    ['changes the title', (w) => w.setTitle('Kaapattu')],
    ['renames a group', (w, s) => w.renameGroup(s.g1, 'Oma nimi')],
    ['adds a group', (w) => w.addGroup('Uusi')],
    ['moves a group', (w, s) => w.moveGroup(s.g1, 2)],
    ['deletes a group', (w, s) => w.removeGroup(s.g2)],
    ['puts a bare string under notes', (w) => w.noteMap.set('x', 'not a note' as never)],
  ];
  for (const [name, edit] of refused) {
    it(`${name}: refused 4403`, () => {
      const s = setup();
      expect(code(judge(s.server, clientUpdate(s.server, (w) => edit(w, s)), 'participant'))).toBe(CloseCode.Forbidden);
    });
  }

  it('the facilitator may do all of those', () => {
    const s = setup();
    for (const [, edit] of refused.slice(0, 5)) {
      expect(judge(s.server, clientUpdate(s.server, (w) => edit(w, s)), 'facilitator')).toBeNull();
    }
  });
});

describe('group link: only notes that are and stay in its group', () => {
  const cases: [string, (w: Wall, s: ReturnType<typeof setup>) => void, boolean][] = [
    ['adds a note in its group', (w, s) => w.addNote({ groupId: s.g1, text: 'oma', color: 'green', authorName: null, authorId: 'c' }), true],
    ['edits a note of its group', (w, s) => w.updateNoteText(s.n1, 'muokattu'), true],
    ['deletes a note of its group', (w, s) => w.deleteNote(s.n1), true],
    ['adds a note in another group', (w, s) => w.addNote({ groupId: s.g2, text: 'vieras', color: 'green', authorName: null, authorId: 'c' }), false],
    ['edits a note of another group', (w, s) => w.updateNoteText(s.n2, 'kaapattu'), false],
    ['deletes a note of another group', (w, s) => w.deleteNote(s.n2), false],
    ['moves its note out', (w, s) => w.moveNote(s.n1, s.g2, 0), false],
    ['moves another group\'s note in', (w, s) => w.moveNote(s.n2, s.g1, 0), false],
    ['overwrites another group\'s note with one of its own', (w, s) => w.restoreNote({ ...w.getNote(s.n2)!, groupId: s.g1 }), false],
    ['renames its own group', (w, s) => w.renameGroup(s.g1, 'Oma'), false],
  ];
  for (const [name, edit, ok] of cases) {
    it(`${name}: ${ok ? 'allowed' : 'refused'}`, () => {
      const s = setup();
      const verdict = judge(s.server, clientUpdate(s.server, (w) => edit(w, s)), 'participant', s.g1);
      expect(code(verdict)).toBe(ok ? null : CloseCode.Forbidden);
    });
  }
});

describe('limits and odd but honest updates', () => {
  it('a note text over LIMITS.noteTextMax is refused 4413, whoever writes it', () => {
    const s = setup();
    const update = clientUpdate(s.server, (w) => (w.noteMap.get(s.n1) as Y.Map<unknown>).set('text', 'x'.repeat(LIMITS.noteTextMax + 1)));
    expect(judge(s.server, update, 'participant')).toMatchObject({ code: CloseCode.WallFull, reason: expect.stringContaining('text') });
    expect(code(judge(s.server, update, 'facilitator'))).toBe(CloseCode.WallFull);
  });

  it('a note past LIMITS.notesMax is refused 4413; a wall at the limit still takes edits', () => {
    const s = setup();
    s.server.doc.transact(() => {
      for (let i = s.server.noteMap.size; i < LIMITS.notesMax; i++) {
        const m = new Y.Map<unknown>();
        m.set('groupId', s.g1);
        s.server.noteMap.set(`n${i}`, m);
      }
    });
    const add = clientUpdate(s.server, (w) => w.noteMap.set('one-more', new Y.Map()));
    expect(judge(s.server, add, 'participant')).toMatchObject({ code: CloseCode.WallFull, reason: expect.stringContaining('notes') });
    expect(judge(s.server, clientUpdate(s.server, (w) => w.updateNoteText(s.n1, 'yhä')), 'participant')).toBeNull();
  });

  it('a group past LIMITS.groupsMax is refused 4413 even for the facilitator', () => {
    const s = setup();
    for (let i = s.server.groupMap.size; i < LIMITS.groupsMax; i++) s.server.groupMap.set(`g${i}`, new Y.Map());
    const add = clientUpdate(s.server, (w) => w.groupMap.set('one-more', new Y.Map()));
    expect(code(judge(s.server, add, 'facilitator'))).toBe(CloseCode.WallFull);
  });

  it('an edit whose dependency never arrived cannot be attributed: refused', () => {
    const s = setup();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server.doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const wall = new Wall(doc);
    wall.updateNoteText(s.n1, 'eka'); // never sent
    wall.updateNoteText(s.n1, 'toka'); // its left neighbour is the unsent value
    const verdict = judge(s.server, updates[1]!, 'participant');
    expect(verdict).toMatchObject({ code: CloseCode.Forbidden, reason: expect.stringContaining('unknown') });
  });

  it('an offline edit of a note someone deleted meanwhile has no effect: allowed', () => {
    const s = setup();
    const offline = clientUpdate(s.server, (w) => w.updateNoteText(s.n2, 'offline-muokkaus'));
    s.server.deleteNote(s.n2);
    expect(judge(s.server, offline, 'participant', s.g1)).toBeNull();
  });

  it("a reconnecting participant's full step 2 (with every old deletion) is allowed", () => {
    const s = setup();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server.doc));
    s.server.renameGroup(s.g1, 'Uusi nimi'); // a facilitator's change: deletes the old name
    s.server.setTitle('Uusi otsikko');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server.doc));
    new Wall(doc).addNote({ groupId: s.g1, text: 'offline', color: 'yellow', authorName: null, authorId: 'p' });
    const step2 = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(s.server.doc));
    expect(judge(s.server, step2, 'participant', s.g1)).toBeNull();
    // And the whole state, as a client with an empty state vector view would send it.
    expect(judge(s.server, Y.encodeStateAsUpdate(doc), 'participant', s.g1)).toBeNull();
  });

  it('a resent state changes nothing: no inserts, no deletions (the room drops it unstored)', () => {
    const s = setup();
    s.server.deleteNote(s.n2);
    const scope = analyseUpdate(s.server.doc, Y.encodeStateAsUpdate(s.server.doc));
    expect(scope).toMatchObject({ unattributable: false, inserts: false, deletes: false });
    const edit = analyseUpdate(s.server.doc, clientUpdate(s.server, (w) => w.deleteNote(s.n1)));
    expect(edit).toMatchObject({ inserts: false, deletes: true });
  });

  it('a sub-document is refused, even from the facilitator', () => {
    const s = setup();
    const update = clientUpdate(s.server, (w) => (w.noteMap.get(s.n1) as Y.Map<unknown>).set('liite', new Y.Doc()));
    expect(judge(s.server, update, 'facilitator')).toMatchObject({ code: CloseCode.Forbidden, reason: expect.stringContaining('sub-documents') });
  });

  it('an update from a doc that never shared history (a foreign root) is refused for participants', () => {
    const s = setup();
    const stranger = new Y.Doc();
    stranger.getMap('meta').set('title', 'kaappaus');
    expect(code(judge(s.server, Y.encodeStateAsUpdate(stranger), 'participant'))).toBe(CloseCode.Forbidden);
  });
});
