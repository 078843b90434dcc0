import { describe, expect, it } from 'vitest';
import { advanceNoteStates, diffNoteStates, noteStates, summariseChanges, type NoteChange } from '../../client/sync/noteChanges';
import type { Note } from '../../shared/wall';

const note = (id: string, over: Partial<Note> = {}): Note => ({
  id,
  groupId: 'g1',
  taskId: 't1',
  text: `Lappu ${id}`,
  color: 'yellow',
  order: id,
  authorName: null,
  authorId: null,
  createdAt: 0,
  updatedAt: 0,
  personalData: false,
  chosen: false,
  originId: null,
  hidden: false,
  experiment: {},
  ...over,
});

const names: Record<string, string> = { g1: 'Ryhmä 1', g2: 'Ryhmä 2' };
const groupName = (id: string) => names[id];
const change = (kind: NoteChange['kind'], groupId = 'g1'): NoteChange => ({ kind, groupId, taskId: 't1' });

describe('note changes between two moments', () => {
  it('finds additions, edits, moves and deletions', () => {
    const before = noteStates([note('a'), note('b'), note('c'), note('d')]);
    const after = noteStates([
      note('a', { text: 'Muutettu' }),
      note('b', { groupId: 'g2' }),
      note('c', { order: 'z' }),
      note('e'),
    ]);
    expect(diffNoteStates(before, after)).toEqual([
      change('edited'),
      change('moved', 'g2'),
      change('moved'),
      change('added'),
      change('deleted'),
    ]);
  });

  it('counts a colour or experiment field as an edit, and ignores being chosen to carry forward', () => {
    const before = noteStates([note('a'), note('b'), note('c')]);
    const after = noteStates([note('a', { color: 'blue' }), note('b', { experiment: { owner: 'Aino' } }), note('c', { chosen: true })]);
    expect(diffNoteStates(before, after)).toEqual([change('edited'), change('edited')]);
  });

  it('treats hiding as deletion and unhiding as a new note, since participants see only that', () => {
    const shown = noteStates([note('a')]);
    const hidden = noteStates([note('a', { hidden: true })]);
    expect(diffNoteStates(shown, hidden)).toEqual([change('deleted')]);
    expect(diffNoteStates(hidden, shown)).toEqual([change('added')]);
  });
});

describe('note changes, one transaction at a time', () => {
  it('finds what the whole-wall diff finds, looking only at the notes named', () => {
    const before = [note('a'), note('b'), note('c'), note('d'), note('h', { hidden: true })];
    const after = [note('a', { text: 'Muutettu' }), note('b', { groupId: 'g2' }), note('d', { hidden: true }), note('e'), note('h')];
    const whole = diffNoteStates(noteStates(before), noteStates(after));
    const known = noteStates(before);
    const byId = new Map(after.map((n) => [n.id, n]));
    // 'c' is gone; 'd' was hidden; 'h' unhidden; 'e' is new.
    const stepped = advanceNoteStates(known, ['a', 'b', 'c', 'd', 'e', 'h'], (id) => byId.get(id));
    // The same changes; their order does not matter, a burst's summary only counts them.
    const sorted = (cs: NoteChange[]) => cs.map((c) => `${c.kind} ${c.groupId}`).sort();
    expect(sorted(stepped)).toEqual(sorted(whole));
    expect(sorted(stepped)).toEqual(['added g1', 'added g1', 'deleted g1', 'deleted g1', 'edited g1', 'moved g2']);
    expect(known).toEqual(noteStates(after));
  });

  it('finds nothing for a note that did not change', () => {
    const a = note('a');
    const known = noteStates([a]);
    expect(advanceNoteStates(known, ['a'], () => a)).toEqual([]);
  });
});

describe('one sentence per burst', () => {
  it('says nothing for nothing', () => {
    expect(summariseChanges([], groupName, 'fi')).toBeNull();
  });

  it('keeps the plain sentences for new notes', () => {
    expect(summariseChanges([change('added', 'g2')], groupName, 'fi')).toBe('Uusi lappu ryhmässä Ryhmä 2');
    expect(summariseChanges([change('added'), change('added')], groupName, 'fi')).toBe('2 uutta lappua ryhmässä Ryhmä 1');
    expect(summariseChanges([change('added'), change('added', 'g2')], groupName, 'en')).toBe('2 new notes on the wall');
  });

  it('says a single deletion in words', () => {
    expect(summariseChanges([change('deleted')], groupName, 'fi')).toBe('Lappu poistettiin ryhmästä Ryhmä 1');
    expect(summariseChanges([change('deleted')], groupName, 'en')).toBe('A note was deleted in Ryhmä 1');
  });

  it('lists the kinds of change in one group, in the reader language', () => {
    const burst = [change('edited', 'g2'), change('moved', 'g2'), change('edited', 'g2')];
    expect(summariseChanges(burst, groupName, 'fi')).toBe('Ryhmä 2: 2 lappua muokattu ja 1 lappu siirretty');
    expect(summariseChanges(burst, groupName, 'sv')).toBe('Ryhmä 2: 2 lappar ändrade och 1 lapp flyttad');
    expect(summariseChanges(burst, groupName, 'en')).toBe('Ryhmä 2: 2 notes edited and 1 note moved');
  });

  it('sums up several groups, or a removed group, for the whole wall', () => {
    const burst = [change('added'), change('edited', 'g2'), change('deleted', 'g2'), change('deleted')];
    expect(summariseChanges(burst, groupName, 'fi')).toBe('Seinällä: 1 uusi lappu, 1 lappu muokattu ja 2 lappua poistettu');
    expect(summariseChanges([change('deleted', 'gone'), change('deleted', 'gone')], groupName, 'en')).toBe('On the wall: 2 notes deleted');
  });
});
