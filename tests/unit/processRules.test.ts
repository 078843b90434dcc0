/**
 * The server's rules for the four-workshop process, judged on real Yjs updates: a client synced
 * with the server's doc edits through the Wall accessors; its update is analysed and checked
 * against the server's doc, as server/rooms/updateGate.ts does.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from '../../server/rooms/permissions';
import { wallState } from '../../server/rooms/updateGate';
import { analyseUpdate } from '../../server/rooms/updateScope';
import { CloseCode } from '../../shared/protocol';
import type { Role } from '../../shared/schemas';
import { Wall } from '../../shared/wall';

function setup() {
  const server = new Wall(new Y.Doc());
  server.initialise({ title: 'Paja', language: 'fi', createdAt: 1 }, ['Yksi', 'Kaksi'], 'four-workshops');
  const [t1, t2] = server.process.tasks().map((t) => t.id) as [string, string];
  const [g1, g2] = server.groups().map((g) => g.id) as [string, string];
  const n1 = server.addNote({ groupId: g1, taskId: t1, text: 'ykkönen', color: 'yellow', authorName: 'A', authorId: 'a' })!;
  const n2 = server.addNote({ groupId: g2, taskId: t2, text: 'kakkonen', color: 'yellow', authorName: 'B', authorId: 'b' })!;
  server.control.setTimer(10 * 60_000);
  return { server, t1, t2, g1, g2, n1, n2 };
}
type Setup = ReturnType<typeof setup>;

function verdict(s: Setup, edit: (w: Wall) => void, role: Role = 'participant', groupId: string | null = null) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(s.server.doc));
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  edit(new Wall(doc));
  const refusal = checkUpdate({ role, groupId }, analyseUpdate(s.server.doc, Y.mergeUpdates(updates)), wallState(s.server.doc));
  return refusal ? refusal.reason : 'ok';
}

describe('the facilitator’s controls are the facilitator’s', () => {
  const controls: [string, (w: Wall, s: Setup) => void][] = [
    ['sets the timer', (w) => w.control.setTimer(60_000)],
    ['starts the timer', (w) => w.control.start(Date.now())],
    ['locks the wall', (w) => w.control.setLocked(true)],
    ['freezes the wall', (w) => w.control.setFrozen(true)],
    ['changes the current task', (w, s) => w.control.setCurrentTask(s.t2)],
    ['brings everyone to a task', (w, s) => w.control.bringEveryoneHere(s.t2)],
    ['hides author names', (w) => w.control.setShowAuthors(false)],
    ['locks a task', (w, s) => w.process.setTaskLocked(s.t1, true)],
    ['opens a vote', (w, s) => w.process.setVoting(s.t1, { state: 'open' })],
    ['renames a workshop', (w) => w.process.renameWorkshop(w.process.workshops()[0]!.id, 'Oma')],
    ['adds a task', (w) => w.process.addTask(w.process.workshops()[0]!.id, 'Uusi')],
    ['deletes a task', (w, s) => w.removeTask(s.t2)],
    ['writes instructions', (w, s) => w.process.setInstructions(s.t1, 'Tee näin')],
    ['pins mirror material', (w, s) => w.mirror.add({ taskId: s.t1, kind: 'quote', text: 'Lainaus' })],
  ];
  for (const [name, edit] of controls) {
    it(`a participant who ${name} is refused; the facilitator is not`, () => {
      const s = setup();
      expect(verdict(s, (w) => edit(w, s))).toMatch(/participants may not change/);
      expect(verdict(s, (w) => edit(w, s), 'facilitator')).toBe('ok');
    });
  }
});

describe('locks', () => {
  it('a locked wall takes no participant edit, and the facilitator still edits', () => {
    const s = setup();
    s.server.control.setLocked(true);
    expect(verdict(s, (w) => w.addNote({ groupId: s.g1, taskId: s.t1, text: 'uusi', color: 'blue', authorName: null, authorId: null }))).toBe('the wall is locked');
    expect(verdict(s, (w) => w.updateNoteText(s.n1, 'muutettu'))).toBe('the wall is locked');
    expect(verdict(s, (w) => w.updateNoteText(s.n1, 'muutettu'), 'facilitator')).toBe('ok');
  });

  it('a locked task takes no note in, out or within it; other tasks stay open', () => {
    const s = setup();
    s.server.process.setTaskLocked(s.t1, true);
    const add = (taskId: string) => (w: Wall) => w.addNote({ groupId: s.g1, taskId, text: 'x', color: 'blue', authorName: null, authorId: null });
    expect(verdict(s, add(s.t1))).toBe('the task is locked');
    expect(verdict(s, (w) => w.deleteNote(s.n1))).toBe('the task is locked');
    expect(verdict(s, (w) => w.setChosen(s.n1, true))).toBe('the task is locked');
    expect(verdict(s, add(s.t2))).toBe('ok');
    expect(verdict(s, (w) => w.updateNoteText(s.n2, 'toinen'))).toBe('ok');
    // A crafted write moving a note into the locked task.
    expect(verdict(s, (w) => w.noteMap.get(s.n2)!.set('taskId', s.t1))).toBe('the task is locked');
  });

  it('a frozen wall is read-only for everyone but the facilitator', () => {
    const s = setup();
    s.server.control.setFrozen(true);
    expect(verdict(s, (w) => w.updateNoteText(s.n1, 'muutettu'))).toBe('the wall is frozen');
    expect(verdict(s, (w) => w.updateNoteText(s.n1, 'muutettu'), 'facilitator')).toBe('ok');
  });
});

describe('moderation', () => {
  it('only the facilitator hides a note, and nobody else touches a hidden one', () => {
    const s = setup();
    expect(verdict(s, (w) => w.setHidden(s.n1, true))).toBe('only the facilitator hides notes');
    expect(verdict(s, (w) => w.setHidden(s.n1, true), 'facilitator')).toBe('ok');
    s.server.setHidden(s.n1, true);
    expect(verdict(s, (w) => w.setHidden(s.n1, false))).toBe('the facilitator has hidden this note');
    expect(verdict(s, (w) => w.updateNoteText(s.n1, 'näkyviin'))).toBe('the facilitator has hidden this note');
    expect(verdict(s, (w) => w.deleteNote(s.n1))).toBe('the facilitator has hidden this note');
  });
});

describe('dot voting', () => {
  it('is refused while the vote is not open, and after it closes', () => {
    const s = setup();
    expect(verdict(s, (w) => w.votes.cast(s.t1, s.n1, 'voter-1'))).toBe('voting is not open in this task');
    s.server.process.setVoting(s.t1, { state: 'closed' });
    expect(verdict(s, (w) => w.votes.cast(s.t1, s.n1, 'voter-1'))).toBe('voting is not open in this task');
  });

  it('allows each voter their votes per person, no more, and taking one back', () => {
    const s = setup();
    s.server.process.setVoting(s.t1, { state: 'open', votesPerPerson: 2 });
    expect(verdict(s, (w) => w.votes.cast(s.t1, s.n1, 'voter-1'))).toBe('ok');
    expect(verdict(s, (w) => [1, 2, 3].forEach(() => w.votes.cast(s.t1, s.n1, 'voter-1')))).toMatch(/no votes left/);
    s.server.votes.cast(s.t1, s.n1, 'voter-1');
    s.server.votes.cast(s.t1, s.n1, 'voter-1');
    expect(verdict(s, (w) => w.votes.cast(s.t1, s.n1, 'voter-1'))).toMatch(/no votes left/);
    expect(verdict(s, (w) => w.votes.cast(s.t1, s.n1, 'voter-2'))).toBe('ok');
    expect(verdict(s, (w) => w.votes.retract(s.t1, s.n1, 'voter-1'))).toBe('ok');
  });

  it('refuses a vote changed in place or pointed at a task whose vote is not open', () => {
    const s = setup();
    s.server.process.setVoting(s.t1, { state: 'open' });
    const id = s.server.votes.cast(s.t1, s.n1, 'voter-1')!;
    expect(verdict(s, (w) => w.votes.map.get(id)!.set('noteId', s.n2))).toBe('a vote cannot be changed, only taken back');
    expect(verdict(s, (w) => w.votes.cast(s.t2, s.n2, 'voter-1'))).toBe('voting is not open in this task');
  });

  it('a group link votes on any note of the task', () => {
    const s = setup();
    s.server.process.setVoting(s.t1, { state: 'open' });
    expect(verdict(s, (w) => w.votes.cast(s.t1, s.n1, 'voter-1'), 'participant', s.g2)).toBe('ok');
  });
});

it('a viewer can do none of it', () => {
  const s = setup();
  expect(verdict(s, (w) => w.updateNoteText(s.n1, 'x'), 'viewer')).toBe('role may not edit');
  expect(CloseCode.Forbidden).toBe(4403);
});
