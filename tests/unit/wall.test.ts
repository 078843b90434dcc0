import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Wall } from '../../shared/wall';
import { LIMITS } from '../../shared/limits';

function newWall(groups = ['A', 'B']) {
  const doc = new Y.Doc();
  const wall = new Wall(doc);
  wall.initialise({ title: 'Työpaja', language: 'fi', createdAt: 1 }, groups);
  return { doc, wall };
}

/** Two replicas that exchange every update immediately, like two connected clients. */
function linkedPair() {
  const a = newWall();
  const b = { doc: new Y.Doc() } as { doc: Y.Doc; wall: Wall };
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
  b.wall = new Wall(b.doc);
  return { a, b };
}

function sync(x: Y.Doc, y: Y.Doc) {
  Y.applyUpdate(y, Y.encodeStateAsUpdate(x, Y.encodeStateVector(y)));
  Y.applyUpdate(x, Y.encodeStateAsUpdate(y, Y.encodeStateVector(x)));
}

const note = (groupId: string, text: string) => ({ groupId, text, color: 'yellow' as const, authorName: 'Aino', authorId: 'u1' });

describe('Wall model', () => {
  it('initialises title, language and groups in order', () => {
    const { wall } = newWall(['Ryhmä 1', 'Ryhmä 2', 'Ryhmä 3']);
    expect(wall.getMeta()).toEqual({ title: 'Työpaja', language: 'fi', createdAt: 1 });
    expect(wall.groups().map((g) => g.name)).toEqual(['Ryhmä 1', 'Ryhmä 2', 'Ryhmä 3']);
  });

  it('adds notes at the end of their group and trims text', () => {
    const { wall } = newWall();
    const [a] = wall.groups();
    wall.addNote(note(a!.id, ' first '));
    wall.addNote(note(a!.id, 'second'));
    expect(wall.notesIn(a!.id).map((n) => n.text)).toEqual(['first', 'second']);
  });

  it('refuses empty notes, unknown groups and clips over-long text', () => {
    const { wall } = newWall();
    const [a] = wall.groups();
    expect(wall.addNote(note(a!.id, '   '))).toBeUndefined();
    expect(wall.addNote(note('nope', 'x'))).toBeUndefined();
    const id = wall.addNote(note(a!.id, 'x'.repeat(LIMITS.noteTextMax + 50)));
    expect(wall.getNote(id!)!.text).toHaveLength(LIMITS.noteTextMax);
  });

  it('moves notes within and between groups', () => {
    const { wall } = newWall();
    const [a, b] = wall.groups();
    const ids = ['1', '2', '3'].map((t) => wall.addNote(note(a!.id, t))!);
    wall.moveNote(ids[2]!, a!.id, 0);
    expect(wall.notesIn(a!.id).map((n) => n.text)).toEqual(['3', '1', '2']);
    wall.moveNote(ids[0]!, b!.id, 0);
    expect(wall.notesIn(a!.id).map((n) => n.text)).toEqual(['3', '2']);
    expect(wall.notesIn(b!.id).map((n) => n.text)).toEqual(['1']);
  });

  it('edits text and colour, deletes and restores a note', () => {
    const { wall } = newWall();
    const [a] = wall.groups();
    const id = wall.addNote(note(a!.id, 'old'))!;
    wall.updateNoteText(id, 'new');
    wall.setNoteColor(id, 'blue');
    expect(wall.getNote(id)).toMatchObject({ text: 'new', color: 'blue' });
    const removed = wall.deleteNote(id)!;
    expect(wall.notes()).toHaveLength(0);
    wall.restoreNote(removed);
    expect(wall.getNote(id)).toMatchObject({ text: 'new', color: 'blue' });
  });

  it('renames, reorders, removes and restores groups with their notes', () => {
    const { wall } = newWall(['A', 'B', 'C']);
    const [a, b, c] = wall.groups();
    wall.renameGroup(a!.id, 'Alpha');
    wall.moveGroup(c!.id, 0);
    expect(wall.groups().map((g) => g.name)).toEqual(['C', 'Alpha', 'B']);
    wall.addNote(note(b!.id, 'keep me'));
    const removed = wall.removeGroup(b!.id)!;
    expect(removed.notes).toHaveLength(1);
    expect(wall.groups().map((g) => g.name)).toEqual(['C', 'Alpha']);
    expect(wall.notes()).toHaveLength(0);
    wall.restoreGroup(removed);
    expect(wall.groups().map((g) => g.name)).toEqual(['C', 'Alpha', 'B']);
    expect(wall.notesIn(b!.id).map((n) => n.text)).toEqual(['keep me']);
  });

  it('converges when two replicas move the same note concurrently, without duplicates', () => {
    const { a, b } = linkedPair();
    const [g1, g2] = a.wall.groups();
    const ids = ['1', '2', '3'].map((t) => a.wall.addNote(note(g1!.id, t))!);
    sync(a.doc, b.doc);
    a.wall.moveNote(ids[0]!, g2!.id, 0);
    b.wall.moveNote(ids[0]!, g1!.id, 2);
    sync(a.doc, b.doc);
    expect(a.wall.notes()).toEqual(b.wall.notes());
    expect(a.wall.notes()).toHaveLength(3);
  });

  it('converges when two replicas insert at the same place concurrently', () => {
    const { a, b } = linkedPair();
    const [g1] = a.wall.groups();
    a.wall.addNote(note(g1!.id, 'from a'));
    b.wall.addNote(note(g1!.id, 'from b'));
    sync(a.doc, b.doc);
    expect(a.wall.notesIn(g1!.id).map((n) => n.text)).toEqual(b.wall.notesIn(g1!.id).map((n) => n.text));
    expect(a.wall.notesIn(g1!.id)).toHaveLength(2);
  });

  it('skips malformed entries that a hostile client wrote into the document', () => {
    const { doc, wall } = newWall();
    const [a] = wall.groups();
    wall.addNote(note(a!.id, 'valid'));
    const bad = new Y.Map<unknown>();
    bad.set('groupId', a!.id);
    bad.set('text', 42);
    doc.getMap('notes').set('bad', bad);
    doc.getMap('notes').set('notamap', 'hello' as never);
    doc.getMap('groups').set('weird', 7 as never);
    expect(wall.notes().map((n) => n.text)).toEqual(['valid']);
    expect(wall.groups()).toHaveLength(2);
  });

  it('keeps notes in order when a stored order key is garbage', () => {
    const { doc, wall } = newWall();
    const [a] = wall.groups();
    const id = wall.addNote(note(a!.id, 'x'))!;
    (doc.getMap('notes').get(id) as Y.Map<unknown>).set('order', '~~~');
    expect(() => wall.addNote(note(a!.id, 'y'))).not.toThrow();
    expect(wall.notesIn(a!.id)).toHaveLength(2);
  });

  it('notifies observers of local and remote changes', () => {
    const { a, b } = linkedPair();
    let calls = 0;
    const stop = b.wall.observe(() => calls++);
    const [g1] = a.wall.groups();
    a.wall.addNote(note(g1!.id, 'hi'));
    sync(a.doc, b.doc);
    expect(calls).toBeGreaterThan(0);
    stop();
    const before = calls;
    b.wall.addNote(note(g1!.id, 'again'));
    expect(calls).toBe(before);
  });
});

describe('anonymous notes', () => {
  const raw = (doc: Y.Doc, id: string) => (doc.getMap('notes').get(id) as Y.Map<unknown>).toJSON();

  it('stores no author identifier at all when the note is anonymous', () => {
    const { doc, wall } = newWall();
    const [a] = wall.groups();
    const id = wall.addNote({ groupId: a!.id, text: 'nimetön', color: 'yellow', authorName: null, authorId: 'u1' })!;
    expect(raw(doc, id)).not.toHaveProperty('authorId');
    expect(raw(doc, id).authorName).toBeNull();
    expect(wall.getNote(id)).toMatchObject({ authorName: null, authorId: null });
  });

  it('keeps the identifier of a named note', () => {
    const { doc, wall } = newWall();
    const [a] = wall.groups();
    const id = wall.addNote(note(a!.id, 'nimellä'))!;
    expect(raw(doc, id).authorId).toBe('u1');
    expect(wall.getNote(id)?.authorId).toBe('u1');
  });

  it('restores a deleted anonymous note still without an identifier', () => {
    const { doc, wall } = newWall();
    const [a] = wall.groups();
    const id = wall.addNote({ groupId: a!.id, text: 'x', color: 'yellow', authorName: null, authorId: null })!;
    wall.restoreNote(wall.deleteNote(id)!);
    expect(raw(doc, id)).not.toHaveProperty('authorId');
    expect(raw(doc, id)).not.toHaveProperty('personalData');
  });

  it('reads notes written before the change (authorId always present, no personalData field)', () => {
    const { doc, wall } = newWall();
    const [a] = wall.groups();
    const old = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ groupId: a!.id, text: 'vanha', color: 'blue', order: 'a0', authorName: 'Aino', authorId: 'u9', createdAt: 1, updatedAt: 1 })) old.set(k, v);
    doc.getMap('notes').set('old', old);
    expect(wall.getNote('old')).toMatchObject({ text: 'vanha', authorId: 'u9', personalData: false });
  });
});

describe('personal-data mark', () => {
  it('is stored only when the writer posts anyway, and cleared by a clean edit', () => {
    const { doc, wall } = newWall();
    const [a] = wall.groups();
    const clean = wall.addNote(note(a!.id, 'puhdas'))!;
    expect((doc.getMap('notes').get(clean) as Y.Map<unknown>).has('personalData')).toBe(false);
    const id = wall.addNote({ ...note(a!.id, 'soita 040 123 4567'), personalData: true })!;
    expect(wall.getNote(id)?.personalData).toBe(true);
    wall.updateNoteText(id, 'soita minulle', false);
    expect(wall.getNote(id)?.personalData).toBe(false);
    wall.updateNoteText(id, 'soita 040 123 4567', true);
    expect(wall.getNote(id)?.personalData).toBe(true);
  });

  it('redaction replaces the detected data and removes the mark, on every replica', () => {
    const { a, b } = linkedPair();
    const [g] = a.wall.groups();
    const id = a.wall.addNote({ ...note(g!.id, 'Asiakas 131052-308T, p. 040 123 4567: odotti 11 → 4 kk'), personalData: true })!;
    expect(a.wall.redactNote(id)).toBe(true);
    sync(a.doc, b.doc);
    expect(b.wall.getNote(id)).toMatchObject({ text: 'Asiakas [poistettu], p. [poistettu]: odotti 11 → 4 kk', personalData: false });
  });

  it('redaction takes a translated replacement and refuses an unknown note', () => {
    const { wall } = newWall();
    const [g] = wall.groups();
    const id = wall.addNote({ ...note(g!.id, 'mail a@b.fi'), personalData: true })!;
    wall.redactNote(id, '[removed]');
    expect(wall.getNote(id)?.text).toBe('mail [removed]');
    expect(wall.redactNote('nope')).toBe(false);
  });
});
