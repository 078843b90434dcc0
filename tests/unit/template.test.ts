/**
 * The templates a new wall starts with: four workshops in the process's order, each made of
 * tasks with instructions, in every language; a blank wall has one workshop with one task.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LANGUAGES } from '../../shared/schemas';
import { Wall } from '../../shared/wall';

function newWall(template: 'four-workshops' | 'blank', language: (typeof LANGUAGES)[number] = 'fi'): Wall {
  const wall = new Wall(new Y.Doc());
  const groups = Array.from({ length: Wall.startingGroups(template) }, (_, i) => `Ryhmä ${i + 1}`);
  wall.initialise({ title: 'Paja', language, createdAt: 1 }, groups, template);
  return wall;
}

describe('the four-workshop template', () => {
  it('has the four workshops in the order of the process', () => {
    const wall = newWall('four-workshops');
    expect(wall.process.workshops().map((w) => w.phase)).toEqual(['current-state', 'root-causes', 'new-way', 'experiments']);
    expect(wall.process.workshops().map((w) => w.title)).toEqual([
      '1. Nykytila asiakkaan arjen kautta',
      '2. Juurisyyt',
      '3. Uusi toimintatapa',
      '4. Kokeilut',
    ]);
  });

  it('gives every workshop tasks with a title and instructions; the last one collects experiment cards', () => {
    const wall = newWall('four-workshops');
    const perWorkshop = wall.process.workshops().map((w) => wall.process.tasksIn(w.id));
    expect(perWorkshop.map((tasks) => tasks.length)).toEqual([2, 2, 3, 1]);
    for (const task of perWorkshop.flat()) {
      expect(task.title.length).toBeGreaterThan(2);
      expect(task.instructions.length).toBeGreaterThan(20);
      expect(task).toMatchObject({ locked: false, privateWriting: false, voteState: 'off' });
    }
    expect(perWorkshop.flat().map((t) => t.kind)).toEqual(['notes', 'notes', 'notes', 'notes', 'notes', 'notes', 'notes', 'experiments']);
    expect(perWorkshop[2]!.map((t) => t.title)).toEqual(['Tavoitteet', 'Asiakaslupaus', 'Ihanteellinen palvelu vaihe vaiheelta']);
  });

  it('starts with three groups and the first task current', () => {
    const wall = newWall('four-workshops');
    expect(wall.groups()).toHaveLength(3);
    expect(wall.control.currentTaskId()).toBe(wall.process.tasks()[0]!.id);
  });

  it('is written in the wall language', () => {
    const titles = LANGUAGES.map((lang) => newWall('four-workshops', lang).process.workshops()[1]!.title);
    expect(titles).toEqual(['2. Juurisyyt', '2. Grundorsaker', '2. Root causes']);
    const sv = newWall('four-workshops', 'sv').process.tasks();
    expect(new Set(sv.map((t) => t.title)).size).toBe(sv.length);
  });
});

describe('the blank template', () => {
  it('has one workshop with one task, and one group', () => {
    const wall = newWall('blank', 'en');
    expect(wall.process.workshops()).toHaveLength(1);
    expect(wall.process.tasks()).toMatchObject([{ title: 'Task', kind: 'notes' }]);
    expect(wall.groups()).toHaveLength(1);
  });
});

describe('notes and tasks', () => {
  it('a note goes to the first task unless told, and stays in its task when moved between groups', () => {
    const wall = newWall('four-workshops');
    const [t1, t2] = wall.process.tasks();
    const [g1, g2] = wall.groups();
    const a = wall.addNote({ groupId: g1!.id, text: 'eka', color: 'yellow', authorName: null, authorId: null })!;
    const b = wall.addNote({ groupId: g1!.id, taskId: t2!.id, text: 'toka', color: 'blue', authorName: null, authorId: null })!;
    expect(wall.getNote(a)!.taskId).toBe(t1!.id);
    wall.moveNote(b, g2!.id, 0);
    expect(wall.getNote(b)).toMatchObject({ taskId: t2!.id, groupId: g2!.id });
    expect(wall.notesIn(g2!.id, t2!.id).map((n) => n.id)).toEqual([b]);
    expect(wall.notesIn(g2!.id, t1!.id)).toEqual([]);
  });

  it('chosen notes of one workshop are the starting points of the next, and the thread runs both ways', () => {
    const wall = newWall('four-workshops');
    const tasks = wall.process.tasks();
    const w2task = tasks.find((t) => t.workshopId === wall.process.workshops()[1]!.id)!;
    const w3task = tasks.find((t) => t.workshopId === wall.process.workshops()[2]!.id)!;
    const group = wall.groups()[0]!.id;
    const problem = wall.addNote({ groupId: group, taskId: tasks[1]!.id, text: 'Jonot', color: 'yellow', authorName: null, authorId: null })!;
    wall.addNote({ groupId: group, taskId: tasks[1]!.id, text: 'Ei valittu', color: 'yellow', authorName: null, authorId: null });
    wall.setChosen(problem, true);
    expect(wall.startingPoints(w2task.id).map((n) => n.text)).toEqual(['Jonot']);
    expect(wall.startingPoints(tasks[0]!.id)).toEqual([]);
    const cause = wall.addNote({ groupId: group, taskId: w2task.id, originId: problem, text: 'Resurssit', color: 'pink', authorName: null, authorId: null })!;
    wall.setChosen(cause, true);
    const goal = wall.addNote({ groupId: group, taskId: w3task.id, originId: cause, text: 'Nopeampi pääsy', color: 'green', authorName: null, authorId: null })!;
    expect(wall.continuations(problem).map((n) => n.id)).toEqual([cause]);
    expect(wall.originsOf(goal).map((n) => n.text)).toEqual(['Jonot', 'Resurssit']);
  });

  it('removing a task takes its notes and mirror material, and undo brings all back', () => {
    const wall = newWall('four-workshops');
    const task = wall.process.tasks()[1]!;
    const group = wall.groups()[0]!.id;
    wall.addNote({ groupId: group, taskId: task.id, text: 'lappu', color: 'yellow', authorName: null, authorId: null });
    wall.mirror.add({ taskId: task.id, kind: 'quote', text: 'Asiakkaan sanoin' });
    const removed = wall.removeTask(task.id)!;
    expect(removed.notes).toHaveLength(1);
    expect(wall.notesInTask(task.id)).toEqual([]);
    expect(wall.mirror.inTask(task.id)).toEqual([]);
    wall.restoreTasks(removed);
    expect(wall.process.getTask(task.id)).toMatchObject({ title: task.title });
    expect(wall.notesInTask(task.id).map((n) => n.text)).toEqual(['lappu']);
    expect(wall.mirror.inTask(task.id).map((m) => m.text)).toEqual(['Asiakkaan sanoin']);
  });

  it('mirror links are only http(s)', () => {
    const wall = newWall('blank');
    const taskId = wall.process.firstTaskId()!;
    expect(wall.mirror.add({ taskId, kind: 'link', text: 'Video', url: 'javascript:alert(1)' })).toBeDefined();
    expect(wall.mirror.inTask(taskId)[0]!.url).toBeUndefined();
    wall.mirror.add({ taskId, kind: 'link', text: 'Raportti', url: 'https://example.org/raportti.pdf' });
    expect(wall.mirror.inTask(taskId)[1]!.url).toBe('https://example.org/raportti.pdf');
  });
});
