/**
 * The unsaved notes carried over the reload in sessionStorage (client/sync/carriedNotes.ts):
 * read back as written, empty when cleared, and nothing from a value that is not a list of notes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readCarried, writeCarried } from '../../client/sync/carriedNotes';
import { LIMITS } from '../../shared/limits';

/** Enough of the Storage interface for the module: a Map behind getItem/setItem/removeItem. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  storage = memoryStorage();
  vi.stubGlobal('sessionStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

const note = {
  id: 'n1',
  text: 'Kirje tuli liian myöhään',
  group: 'Ryhmä 2',
  task: 'Missä kohdin palvelu ei toimi?',
  groupId: 'g2',
  taskId: 't1',
  color: 'pink' as const,
  personalData: false,
};

describe('carried notes', () => {
  it('reads back what was written, per wall', () => {
    writeCarried('wall-a', [note]);
    expect(readCarried('wall-a')).toEqual([note]);
    expect(readCarried('wall-b')).toEqual([]);
  });

  it("reads back an experiment card's fields, and nothing from a field over its limit", () => {
    const card = { ...note, experiment: { measure: 'Lähetteiden osuus', baseline: '12 %', target: '48 %' } };
    writeCarried('wall-a', [card]);
    expect(readCarried('wall-a')).toEqual([card]);
    storage.setItem('pajaseina:wall:w:unsaved', JSON.stringify([{ ...note, experiment: { owner: 'x'.repeat(LIMITS.experimentFieldMax + 1) } }]));
    expect(readCarried('w')).toEqual([]);
  });

  it('removes the entry when the list is emptied (dismissed, or all saved again)', () => {
    writeCarried('wall-a', [note]);
    writeCarried('wall-a', []);
    expect(storage.items.size).toBe(0);
    expect(readCarried('wall-a')).toEqual([]);
  });

  it('reads nothing from storage that is not JSON, not a list of notes, or over the limits', () => {
    storage.setItem('pajaseina:wall:w:unsaved', '{not json');
    expect(readCarried('w')).toEqual([]);
    storage.setItem('pajaseina:wall:w:unsaved', JSON.stringify([{ id: 'n1', text: 5 }]));
    expect(readCarried('w')).toEqual([]);
    storage.setItem('pajaseina:wall:w:unsaved', JSON.stringify([{ ...note, text: 'x'.repeat(LIMITS.noteTextMax + 1) }]));
    expect(readCarried('w')).toEqual([]);
    storage.setItem('pajaseina:wall:w:unsaved', JSON.stringify([{ ...note, color: 'red' }]));
    expect(readCarried('w')).toEqual([]);
  });

  it('keeps working without storage (disabled in some private modes)', () => {
    vi.stubGlobal('sessionStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    });
    expect(() => writeCarried('w', [note])).not.toThrow();
    expect(readCarried('w')).toEqual([]);
  });
});
