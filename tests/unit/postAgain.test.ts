/**
 * When the page offers to post an unsaved note again (client/sync/postAgain.ts): only where the
 * page's own rules let this person write now. The server still decides; this only keeps the
 * button from offering what would be refused.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Wall } from '../../shared/wall';
import { mayPostAgain } from '../../client/sync/postAgain';
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
