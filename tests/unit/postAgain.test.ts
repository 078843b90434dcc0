/**
 * When the page offers to post an unsaved note again (client/sync/postAgain.ts): only where the
 * page's own rules let this person write now. The server still decides; this only keeps the
 * button from offering what would be refused.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Wall } from '../../shared/wall';
import { mayPostAgain, postAgain } from '../../client/sync/postAgain';
import type { UnsavedNote } from '../../client/sync/unsavedNotes';

function setup() {
  const wall = new Wall(new Y.Doc());
  wall.initialise({ title: 'Työpaja', language: 'fi', createdAt: 1 }, ['Ryhmä 1', 'Ryhmä 2']);
  wall.process.applyTemplate('four-workshops', 'fi');
  const [g1, g2] = wall.groups();
  const [t1, t2] = wall.process.tasks();
  const note: UnsavedNote = { id: 'lost', text: 'Teksti', group: g1!.name, task: t1!.title, groupId: g1!.id, taskId: t1!.id, color: 'yellow', personalData: false };
  return { wall, g1: g1!, g2: g2!, t1: t1!, t2: t2!, note };
}

const participant = { role: 'participant' as const, groupId: undefined };

describe('mayPostAgain', () => {
  it('offers a note back into an open task of an existing group', () => {
    const { wall, note } = setup();
    expect(mayPostAgain(note, wall, participant)).toBe(true);
  });

  it('not while the task, or the whole wall, is locked or frozen; the facilitator still may', () => {
    const { wall, note, t1 } = setup();
    wall.process.setTaskLocked(t1.id, true);
    expect(mayPostAgain(note, wall, participant)).toBe(false);
    expect(mayPostAgain(note, wall, { role: 'facilitator', groupId: undefined })).toBe(true);
    wall.process.setTaskLocked(t1.id, false);
    wall.control.setLocked(true);
    expect(mayPostAgain(note, wall, participant)).toBe(false);
    wall.control.setLocked(false);
    wall.control.setFrozen(true);
    expect(mayPostAgain(note, wall, participant)).toBe(false);
  });

  it('not into a group or task that is gone, nor for a viewer or another group\'s link', () => {
    const { wall, note, g1, g2 } = setup();
    expect(mayPostAgain({ ...note, groupId: 'gone' }, wall, participant)).toBe(false);
    expect(mayPostAgain({ ...note, taskId: 'gone' }, wall, participant)).toBe(false);
    expect(mayPostAgain(note, wall, { role: 'viewer', groupId: undefined })).toBe(false);
    expect(mayPostAgain(note, wall, { role: 'participant', groupId: g2.id })).toBe(false);
    expect(mayPostAgain(note, wall, { role: 'participant', groupId: g1.id })).toBe(true);
  });

  it('an edit follows its note where it is now, and not onto a note the facilitator hid', () => {
    const { wall, note, g1, t1, t2 } = setup();
    const id = wall.addNote({ groupId: g1.id, taskId: t2.id, text: 'Vanha', color: 'yellow', authorName: 'Aino', authorId: 'a' })!;
    const edit = { ...note, id, taskId: t1.id };
    wall.process.setTaskLocked(t1.id, true);
    // Written in t1, moved to t2 meanwhile: t2 is open.
    expect(mayPostAgain(edit, wall, participant)).toBe(true);
    wall.setHidden(id, true);
    expect(mayPostAgain(edit, wall, participant)).toBe(false);
  });
});

/** Every update `write` makes to the wall's doc. */
function updatesOf(wall: Wall, write: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const collect = (u: Uint8Array) => updates.push(u);
  wall.doc.on('update', collect);
  write();
  wall.doc.off('update', collect);
  return updates;
}

describe('postAgain', () => {
  function experimentCard() {
    const { wall, g1 } = setup();
    const task = wall.process.tasks().find((t) => t.kind === 'experiments')!;
    const card: UnsavedNote = {
      id: 'lost-card', text: 'Soitetaan asiakkaalle viikon päästä', group: g1.name, task: task.title, groupId: g1.id, taskId: task.id,
      color: 'green', personalData: false, experiment: { owner: 'Aino', measure: 'Soittojen määrä', target: '80 %' },
    };
    return { wall, card };
  }

  it('posts a new experiment card as ONE update holding the note and its fields', () => {
    const { wall, card } = experimentCard();
    const base = Y.encodeStateAsUpdate(wall.doc);
    const results: ReturnType<typeof postAgain>[] = [];
    const updates = updatesOf(wall, () => results.push(postAgain(wall, card, { name: 'Aino', id: 'aino-1' })));
    const posted = results[0]!;
    if (posted.kind !== 'added') throw new Error(`expected a new note, got ${posted.kind}`);
    expect(updates).toHaveLength(1);
    // What the server receives is that one update: on the wall as it was, it holds the whole card.
    const onlyTheUpdate = new Y.Doc();
    Y.applyUpdate(onlyTheUpdate, base);
    Y.applyUpdate(onlyTheUpdate, updates[0]!);
    const note = new Wall(onlyTheUpdate).getNote(posted.id)!;
    expect(note.text).toBe(card.text);
    expect(note.experiment).toEqual(card.experiment);
    expect(note.authorName).toBe('Aino');
  });

  it("saves a refused edit into the note the wall still has, text and fields in one update", () => {
    const { wall, card } = experimentCard();
    const id = wall.addNote({ groupId: card.groupId, taskId: card.taskId, text: 'Vanha', color: 'green', authorName: null, authorId: null })!;
    const updates = updatesOf(wall, () => expect(postAgain(wall, { ...card, id }, null)).toEqual({ kind: 'edited', id }));
    expect(updates).toHaveLength(1);
    expect(wall.getNote(id)!.text).toBe(card.text);
    expect(wall.getNote(id)!.experiment).toEqual(card.experiment);
    expect(wall.notes()).toHaveLength(1);
  });

  it('writes nothing when the group is gone', () => {
    const { wall, card } = experimentCard();
    const updates = updatesOf(wall, () => expect(postAgain(wall, { ...card, groupId: 'gone' }, null)).toEqual({ kind: 'failed' }));
    expect(updates).toHaveLength(0);
  });
});
