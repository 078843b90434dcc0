import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { linksOf, threadIndex, threadKey } from '../../client/threadIndex';
import { Wall } from '../../shared/wall';

function wallWithThread() {
  const wall = new Wall(new Y.Doc());
  wall.initialise({ title: 'T', language: 'fi', createdAt: 0 }, ['A'], 'four-workshops');
  const [w1, w2] = wall.process.workshops();
  const groupId = wall.groups()[0]!.id;
  const base = { groupId, color: 'yellow' as const, authorName: null, authorId: null };
  const problem = wall.addNote({ ...base, taskId: wall.process.tasksIn(w1!.id)[0]!.id, text: 'problem' })!;
  wall.setChosen(problem, true);
  const w2task = wall.process.tasksIn(w2!.id)[0]!.id;
  const cause = wall.addNote({ ...base, taskId: w2task, originId: problem, text: 'cause' })!;
  const hidden = wall.addNote({ ...base, taskId: w2task, originId: problem, text: 'hidden cause' })!;
  wall.setHidden(hidden, true);
  return { wall, problem, cause, hidden };
}

describe('thread index', () => {
  it('links each note both ways, as the wall itself does', () => {
    const { wall, problem, cause } = wallWithThread();
    const index = threadIndex(wall.notes(), () => true);
    expect(linksOf(index, cause).origin?.id).toBe(problem);
    expect(linksOf(index, problem).continuations.map((n) => n.text)).toEqual(
      wall.continuations(problem).map((n) => n.text),
    );
  });

  it('leaves out notes the viewer may not see', () => {
    const { wall, problem, hidden } = wallWithThread();
    const index = threadIndex(wall.notes(), (n) => !n.hidden);
    expect(linksOf(index, problem).continuations.map((n) => n.text)).toEqual(['cause']);
    expect(linksOf(index, hidden).origin).toBeUndefined();
  });

  it("has a key that changes when a linked note's text changes", () => {
    const { wall, problem, cause } = wallWithThread();
    const before = threadKey(linksOf(threadIndex(wall.notes(), () => true), problem));
    wall.updateNoteText(cause, 'another cause');
    const after = threadKey(linksOf(threadIndex(wall.notes(), () => true), problem));
    expect(after).not.toBe(before);
    expect(threadKey(linksOf(new Map(), 'x'))).toBe('');
  });
});
