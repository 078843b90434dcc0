/**
 * Which notes of the person's the server lacks after a refused change: the page's copy of the
 * wall against a fresh copy from the server (client/sync/unsavedNotes.ts).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Wall, type Note } from '../../shared/wall';
import { mergeUnsaved, ownNotes, stillUnsaved, unsavedNotes, type UnsavedNote } from '../../client/sync/unsavedNotes';

/** The server's wall (two groups, the blank template's task) and a page's copy that has synced with it. */
function serverAndPage() {
  const server = new Wall(new Y.Doc());
  server.initialise({ title: 'Työpaja', language: 'fi', createdAt: 1 }, ['Ryhmä 1', 'Ryhmä 2']);
  const page = new Wall(new Y.Doc());
  Y.applyUpdate(page.doc, Y.encodeStateAsUpdate(server.doc));
  return { server, page, groups: server.groups() };
}

/** What the server sends a fresh page now: its whole state, without the page's refused changes. */
function freshCopy(server: Wall): Wall {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.doc));
  return new Wall(doc);
}

/** Changes made on the page reach the server (they were accepted). */
function accept(page: Wall, server: Wall) {
  Y.applyUpdate(server.doc, Y.encodeStateAsUpdate(page.doc, Y.encodeStateVector(server.doc)));
}

const ME = 'author-me';
const mine = (n: Note) => n.authorId === ME;
const add = (wall: Wall, groupId: string, text: string, authorId: string | null = ME) =>
  wall.addNote({ groupId, text, color: 'yellow', authorName: authorId ? 'Aino' : null, authorId })!;

describe('unsavedNotes', () => {
  it('lists a note of mine that never reached the server, with its group and task', () => {
    const { server, page, groups } = serverAndPage();
    add(page, groups[1]!.id, 'Kirje tuli liian myöhään');
    const task = page.process.getTask(page.process.firstTaskId()!)!;
    expect(unsavedNotes(page, freshCopy(server), mine)).toEqual([
      {
        id: expect.any(String),
        text: 'Kirje tuli liian myöhään',
        group: 'Ryhmä 2',
        task: task.title,
        groupId: groups[1]!.id,
        taskId: task.id,
        color: 'yellow',
        personalData: false,
      },
    ]);
  });

  it('lists nothing when the server has every note of mine as it is here', () => {
    const { server, page, groups } = serverAndPage();
    add(page, groups[0]!.id, 'Tallessa');
    accept(page, server);
    expect(unsavedNotes(page, freshCopy(server), mine)).toEqual([]);
  });

  it('lists a note of mine whose edit the server refused, with the text written here', () => {
    const { server, page, groups } = serverAndPage();
    const id = add(page, groups[0]!.id, 'Ensimmäinen versio');
    accept(page, server);
    page.updateNoteText(id, 'Korjattu versio, jota ei tallennettu');
    expect(unsavedNotes(page, freshCopy(server), mine).map((n) => [n.id, n.text])).toEqual([[id, 'Korjattu versio, jota ei tallennettu']]);
  });

  it("leaves out others' notes the server no longer has (deleted there, not lost here)", () => {
    const { server, page, groups } = serverAndPage();
    const theirs = add(server, groups[0]!.id, 'Toisen lappu', 'someone-else');
    Y.applyUpdate(page.doc, Y.encodeStateAsUpdate(server.doc));
    server.deleteNote(theirs);
    add(page, groups[0]!.id, 'Oma uusi', ME);
    expect(unsavedNotes(page, freshCopy(server), mine).map((n) => n.text)).toEqual(['Oma uusi']);
  });

  it('leaves out a note of mine that the facilitator deleted while my change was refused (the server saw it)', () => {
    const { server, page, groups } = serverAndPage();
    const deleted = add(page, groups[0]!.id, 'Poistettu lappu');
    accept(page, server);
    server.deleteNote(deleted); // after the refusal closed the page's connection: the page still has it
    add(page, groups[1]!.id, 'Torjuttu uusi');
    expect(unsavedNotes(page, freshCopy(server), mine).map((n) => n.text)).toEqual(['Torjuttu uusi']);
  });

  it('leaves out a note of mine the facilitator redacted meanwhile: its old text is not mine to save back', () => {
    const { server, page, groups } = serverAndPage();
    const id = add(page, groups[0]!.id, 'Soita 040 123 4567');
    accept(page, server);
    server.redactNote(id);
    expect(unsavedNotes(page, freshCopy(server), mine)).toEqual([]);
  });

  it('lists my refused edit of a note the facilitator deleted meanwhile: the server never had that text', () => {
    const { server, page, groups } = serverAndPage();
    const id = add(page, groups[0]!.id, 'Vanha teksti');
    accept(page, server);
    server.deleteNote(id);
    page.updateNoteText(id, 'Uusi teksti, jota ei tallennettu');
    expect(unsavedNotes(page, freshCopy(server), mine).map((n) => n.text)).toEqual(['Uusi teksti, jota ei tallennettu']);
  });

  it('leaves out a refused edit that left the text as the server has it', () => {
    const { server, page, groups } = serverAndPage();
    const id = add(page, groups[0]!.id, 'Sama teksti');
    accept(page, server);
    page.updateNoteText(id, 'Sama teksti');
    expect(unsavedNotes(page, freshCopy(server), mine)).toEqual([]);
  });

  it("lists my experiment card whose refused field edit the server lacks, with every field written here", () => {
    const { server, page, groups } = serverAndPage();
    const id = add(page, groups[0]!.id, 'Soitto ennen ajanvarausta');
    page.setExperimentField(id, 'owner', 'Aino');
    accept(page, server);
    page.setExperimentField(id, 'measure', 'Peruttujen aikojen osuus');
    page.setExperimentField(id, 'baseline', '20 %');
    expect(unsavedNotes(page, freshCopy(server), mine).map((n) => [n.id, n.text, n.experiment])).toEqual([
      [id, 'Soitto ennen ajanvarausta', { owner: 'Aino', measure: 'Peruttujen aikojen osuus', baseline: '20 %' }],
    ]);
  });

  it('leaves out an experiment card the server has as it is here, and a field emptied here', () => {
    const { server, page, groups } = serverAndPage();
    const id = add(page, groups[0]!.id, 'Tekstiviesti päivää ennen');
    page.setExperimentField(id, 'owner', 'Aino');
    accept(page, server);
    expect(unsavedNotes(page, freshCopy(server), mine)).toEqual([]);
    page.setExperimentField(id, 'owner', '');
    expect(unsavedNotes(page, freshCopy(server), mine)).toEqual([]);
  });

  it('counts an anonymous note as mine only when the predicate says so (this device remembers its ids)', () => {
    const { server, page, groups } = serverAndPage();
    const anonymous = add(page, groups[0]!.id, 'Nimetön ajatus', null);
    add(page, groups[0]!.id, 'Toisen nimetön', null);
    const remembered = new Set([anonymous]);
    expect(unsavedNotes(page, freshCopy(server), (n) => remembered.has(n.id)).map((n) => n.text)).toEqual(['Nimetön ajatus']);
  });
});

describe('ownNotes', () => {
  it('lists every note of mine with text, for carrying over when the server could not be asked', () => {
    const { page, groups } = serverAndPage();
    add(page, groups[0]!.id, 'Yksi');
    add(page, groups[1]!.id, 'Kaksi');
    add(page, groups[1]!.id, 'Toisen', 'someone-else');
    expect(ownNotes(page, mine).map((n) => [n.text, n.group]).sort()).toEqual([
      ['Kaksi', 'Ryhmä 2'],
      ['Yksi', 'Ryhmä 1'],
    ]);
  });
});

describe('stillUnsaved', () => {
  const carried = (text: string, id = text): UnsavedNote => ({ id, text, group: 'Ryhmä 1', task: 'Tehtävä', groupId: 'g1', taskId: 't1', color: 'blue', personalData: false });

  it('drops a carried note once the synced wall has a note with its text, under any id', () => {
    const { server, groups } = serverAndPage();
    add(server, groups[0]!.id, '  Lisätty uudelleen ');
    expect(stillUnsaved([carried('Lisätty uudelleen', 'old-id'), carried('Yhä puuttuu')], server).map((n) => n.text)).toEqual(['Yhä puuttuu']);
  });

  it('keeps a carried experiment card until a note with its text has every field carried', () => {
    const { server, groups } = serverAndPage();
    const id = add(server, groups[0]!.id, 'Soitto ennen ajanvarausta');
    server.setExperimentField(id, 'owner', 'Aino');
    const card = { ...carried('Soitto ennen ajanvarausta', id), experiment: { owner: 'Aino', measure: 'Peruttujen aikojen osuus' } };
    expect(stillUnsaved([card], server)).toEqual([card]);
    server.setExperimentField(id, 'measure', 'Peruttujen aikojen osuus');
    expect(stillUnsaved([card], server)).toEqual([]);
  });

  it('keeps every carried note while the wall has none of their texts', () => {
    const { server } = serverAndPage();
    const list = [carried('A'), carried('B')];
    expect(stillUnsaved(list, server)).toEqual(list);
  });
});

describe('mergeUnsaved', () => {
  const n = (id: string, text: string): UnsavedNote => ({ id, text, group: '', task: '', groupId: 'g', taskId: 't', color: 'yellow', personalData: false });

  it('keeps the earlier list and lets a later entry with the same id replace its text', () => {
    expect(mergeUnsaved([n('a', 'vanha'), n('b', 'B')], [n('a', 'uusi'), n('c', 'C')])).toEqual([n('b', 'B'), n('a', 'uusi'), n('c', 'C')]);
  });
});
