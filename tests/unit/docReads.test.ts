/**
 * The browser's memoised wall reads (shared/docReads.ts): a cached read must never be stale,
 * whatever changes the doc (a local write, a remote update, a write inside a transaction) and
 * whoever reads (a component after the change, a deep observer, an afterTransaction listener).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cacheReads } from '../../shared/docReads';
import { Wall } from '../../shared/wall';

function cachedWall(groups = ['A', 'B']) {
  const doc = new Y.Doc();
  cacheReads(doc);
  const wall = new Wall(doc);
  wall.initialise({ title: 'Työpaja', language: 'fi', createdAt: 1 }, groups, 'four-workshops');
  return { doc, wall };
}

const note = (groupId: string, text: string) => ({ groupId, text, color: 'yellow' as const, authorName: null, authorId: null });

describe('cached wall reads', () => {
  it('return the same frozen array until something they read changes', () => {
    const { wall } = cachedWall();
    const group = wall.groups()[0]!.id;
    wall.addNote(note(group, 'yksi'));
    const first = wall.notes();
    expect(wall.notes()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // A change elsewhere in the wall (the timer, votes) keeps the notes as they were.
    wall.control.setLocked(true);
    expect(wall.notes()).toBe(first);
    wall.addNote(note(group, 'kaksi'));
    expect(wall.notes()).not.toBe(first);
    expect(wall.notes().map((n) => n.text)).toEqual(['yksi', 'kaksi']);
  });

  it('see a change to one field of a note, in notes() and getNote()', () => {
    const { wall } = cachedWall();
    const id = wall.addNote(note(wall.groups()[0]!.id, 'vanha'))!;
    expect(wall.getNote(id)?.text).toBe('vanha');
    wall.updateNoteText(id, 'uusi');
    expect(wall.getNote(id)?.text).toBe('uusi');
    expect(wall.notes().map((n) => n.text)).toEqual(['uusi']);
    wall.setNoteColor(id, 'blue');
    expect(wall.notes()[0]?.color).toBe('blue');
  });

  it('see remote updates', () => {
    const a = cachedWall();
    const b = { doc: new Y.Doc() };
    cacheReads(b.doc);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    const wallB = new Wall(b.doc);
    const id = a.wall.addNote(note(a.wall.groups()[0]!.id, 'A kirjoitti'))!;
    expect(wallB.notes()).toHaveLength(0);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
    expect(wallB.notes().map((n) => n.text)).toEqual(['A kirjoitti']);
    a.wall.updateNoteText(id, 'A muutti');
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
    expect(wallB.getNote(id)?.text).toBe('A muutti');
  });

  it('see writes made earlier in the same transaction', () => {
    const { doc, wall } = cachedWall();
    const group = wall.groups()[0]!.id;
    wall.notes();
    doc.transact(() => {
      const id = wall.addNote(note(group, 'sisällä'))!;
      expect(wall.notes().map((n) => n.text)).toEqual(['sisällä']);
      wall.updateNoteText(id, 'muutettu');
      expect(wall.getNote(id)?.text).toBe('muutettu');
    });
    expect(wall.notes().map((n) => n.text)).toEqual(['muutettu']);
  });

  it('are fresh for deep observers and for afterTransaction listeners registered first', () => {
    const doc = new Y.Doc();
    const early: string[][] = [];
    const wall = new Wall(doc);
    doc.on('afterTransaction', () => early.push(wall.notes().map((n) => n.text)));
    cacheReads(doc);
    wall.initialise({ title: 'T', language: 'fi', createdAt: 1 }, ['A']);
    const group = wall.groups()[0]!.id;
    const seen: string[][] = [];
    wall.observe(() => seen.push(wall.notes().map((n) => n.text)));
    wall.addNote(note(group, 'eka'));
    wall.addNote(note(group, 'toka'));
    expect(seen.at(-1)).toEqual(['eka', 'toka']);
    expect(early.at(-1)).toEqual(['eka', 'toka']);
  });

  it('follow the first task: a note without a task moves with it', () => {
    const { wall } = cachedWall();
    const id = wall.addNote(note(wall.groups()[0]!.id, 'x'))!;
    const first = wall.process.firstTaskId()!;
    // A note written before workshops existed has no taskId: it belongs to the first task.
    wall.doc.transact(() => (wall.doc.getMap('notes').get(id) as Y.Map<unknown>).delete('taskId'));
    expect(wall.getNote(id)?.taskId).toBe(first);
    const workshop = wall.process.workshops()[0]!.id;
    const newTask = wall.process.addTask(workshop, 'Uusi')!;
    wall.process.moveTask(newTask, workshop, 0);
    expect(wall.process.firstTaskId()).toBe(newTask);
    expect(wall.getNote(id)?.taskId).toBe(newTask);
    expect(wall.notes()[0]?.taskId).toBe(newTask);
  });

  it('drop the notes of a removed group and bring them back with it', () => {
    const { wall } = cachedWall();
    const [a, b] = wall.groups();
    wall.addNote(note(a!.id, 'A:n'));
    wall.addNote(note(b!.id, 'B:n'));
    expect(wall.notes()).toHaveLength(2);
    const removed = wall.removeGroup(a!.id)!;
    expect(wall.notes().map((n) => n.text)).toEqual(['B:n']);
    wall.restoreGroup(removed);
    expect(wall.notes().map((n) => n.text).sort()).toEqual(['A:n', 'B:n']);
  });

  it('share one set of deep observers among all subscribers, and stop when the last leaves', () => {
    const { wall } = cachedWall();
    const calls = [0, 0];
    const stopA = wall.observe(() => calls[0]!++);
    const stopB = wall.observe(() => calls[1]!++);
    wall.setTitle('Uusi nimi');
    expect(calls).toEqual([1, 1]);
    stopA();
    wall.setTitle('Kolmas nimi');
    expect(calls).toEqual([1, 2]);
    stopB();
    wall.setTitle('Neljäs');
    expect(calls).toEqual([1, 2]);
    const stopC = wall.observe(() => calls[0]!++);
    wall.setTitle('Viides');
    expect(calls).toEqual([2, 2]);
    stopC();
  });
});

describe('which notes a transaction changed', () => {
  /** The ids each transaction of `write` changed, as notesChangedBy says after it. */
  function changedBy(wall: Wall, write: () => void): (string[] | null)[] {
    const seen: (string[] | null)[] = [];
    const listen = (tr: Y.Transaction) => {
      const ids = wall.notesChangedBy(tr);
      seen.push(ids && [...ids].sort());
    };
    wall.doc.on('afterTransaction', listen);
    write();
    wall.doc.off('afterTransaction', listen);
    return seen;
  }

  it('names the notes added, edited, moved, hidden and deleted, and only those', () => {
    const { wall } = cachedWall();
    const [a, b] = wall.groups().map((g) => g.id) as [string, string];
    let first = '';
    expect(changedBy(wall, () => (first = wall.addNote(note(a, 'yksi'))!))).toEqual([[first]]);
    const second = wall.addNote(note(a, 'kaksi'))!;
    expect(changedBy(wall, () => wall.updateNoteText(first, 'muutettu'))).toEqual([[first]]);
    expect(changedBy(wall, () => wall.moveNote(second, b, 0))).toEqual([[second]]);
    expect(changedBy(wall, () => wall.setHidden(first, true))).toEqual([[first]]);
    expect(changedBy(wall, () => wall.doc.transact(() => (wall.deleteNote(first), wall.updateNoteText(second, 'x'))))).toEqual([[first, second].sort()]);
    // Nothing of the notes: an empty set, not "read them all".
    expect(changedBy(wall, () => wall.control.setLocked(true))).toEqual([[]]);
  });

  it('says "read them all" when groups or tasks changed, which every note depends on', () => {
    const { wall } = cachedWall();
    const [a, b] = wall.groups().map((g) => g.id) as [string, string];
    wall.addNote(note(b, 'ryhmässä B'));
    expect(changedBy(wall, () => wall.removeGroup(b))).toEqual([null]);
    expect(changedBy(wall, () => wall.renameGroup(a, 'Uusi'))).toEqual([null]);
    const task = wall.process.firstTaskId()!;
    expect(changedBy(wall, () => wall.process.setVoting(task, { state: 'open' }))).toEqual([null]);
  });
});


describe('cached notes() after one transaction', () => {
  /** A wall whose reads are cached, and a copy of its doc that reads afresh every time. */
  function pair() {
    const { doc, wall } = cachedWall(['A', 'B', 'C']);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    doc.on('update', (u: Uint8Array) => Y.applyUpdate(fresh, u));
    return { doc, wall, freshWall: new Wall(fresh) };
  }

  it('keeps the other notes as they were when one note is edited in place', () => {
    const { wall, freshWall } = pair();
    const group = wall.groups()[0]!.id;
    const ids = ['yksi', 'kaksi', 'kolme'].map((text) => wall.addNote(note(group, text))!);
    const before = wall.notes();
    wall.updateNoteText(ids[1]!, 'muutettu');
    const after = wall.notes();
    expect(after).toEqual(freshWall.notes());
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]!.text).toBe('muutettu');
  });

  it('match a fresh read after every kind of change, read after each one or after several', () => {
    const { doc, wall, freshWall } = pair();
    const groups = wall.groups().map((g) => g.id);
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n + n) % n;
    const live = () => wall.notes().map((n) => n.id);
    for (let step = 0; step < 300; step++) {
      const ids = live();
      const id = ids[random(Math.max(1, ids.length))];
      const kind = ids.length < 3 ? 0 : random(9);
      if (kind === 0) wall.addNote(note(groups[random(3)]!, `lappu ${step}`));
      else if (kind === 1) wall.updateNoteText(id!, `muokattu ${step}`);
      else if (kind === 2) wall.moveNote(id!, groups[random(3)]!, random(5));
      else if (kind === 3) wall.setNoteColor(id!, 'blue');
      else if (kind === 4) wall.setHidden(id!, random(2) === 0);
      else if (kind === 5) wall.deleteNote(id!);
      else if (kind === 6) doc.transact(() => (wall.updateNoteText(id!, `a ${step}`), wall.updateNoteText(ids[0]!, `b ${step}`)));
      else if (kind === 7) wall.noteMap.get(id!)?.set('order', 42);
      else wall.renameGroup(groups[random(3)]!, `Ryhmä ${step}`);
      // Now and then two transactions between reads.
      if (random(4) !== 0) expect(wall.notes(), `step ${step}`).toEqual(freshWall.notes());
    }
    expect(wall.notes()).toEqual(freshWall.notes());
  });
});
