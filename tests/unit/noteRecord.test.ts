/**
 * shared/noteRecord.ts reads a note's record without zod when it plainly fits the schema: its
 * verdict and its result (down to which keys are present) must be zod's for any record, valid
 * or not, since any client can write anything into a Y.Doc.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits';
import { readNoteRecord } from '../../shared/noteRecord';
import { NoteRecord } from '../../shared/schemas';

const valid = {
  groupId: 'g1',
  text: 'Asiakas odottaa liian kauan',
  color: 'yellow',
  order: 'a0',
  authorName: 'Aino',
  authorId: 'abc',
  createdAt: 1,
  updatedAt: 2,
};

const zods = (raw: unknown) => {
  const r = NoteRecord.safeParse(raw);
  return r.success ? r.data : undefined;
};

/** Values that sit on and beyond every limit and type the schema has. */
const odd = [
  undefined,
  null,
  '',
  'x',
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(LIMITS.noteTextMax + 1),
  0,
  -0,
  1.5,
  NaN,
  Infinity,
  true,
  false,
  'pink',
  'client',
  'nobody',
  [],
  {},
  ['a'],
];
const keys = [...Object.keys(valid), 'personalData', 'taskId', 'chosen', 'originId', 'hidden', 'owner', 'startDate', 'measure', 'baseline', 'target', 'result', 'authorRole', 'extra'];

describe('readNoteRecord', () => {
  it('gives what zod gives for a valid record, with and without every optional field', () => {
    const full = { ...valid, personalData: true, taskId: 't1', chosen: false, originId: 'n0', hidden: true, owner: 'Tiimi', startDate: '2026-01-01', measure: 'm', baseline: '12 %', target: '48 %', result: '', authorRole: 'client' };
    for (const raw of [valid, full, { ...valid, authorId: null }, { ...valid, authorRole: 'nobody' }, { ...valid, authorName: null }]) {
      expect(readNoteRecord(raw)).toStrictEqual(zods(raw));
      expect(readNoteRecord(raw)).toBeDefined();
    }
  });

  it('agrees with zod when any one field is odd, missing or present as undefined', () => {
    for (const key of keys) {
      for (const value of odd) {
        const raw: Record<string, unknown> = { ...valid, [key]: value };
        expect(readNoteRecord(raw), `${key}: ${String(value)}`).toStrictEqual(zods(raw));
      }
      const { [key]: _, ...without } = valid as Record<string, unknown>;
      expect(readNoteRecord(without), `without ${key}`).toStrictEqual(zods(without));
    }
  });

  it('agrees with zod on records that are not objects at all', () => {
    for (const raw of [null, undefined, 'note', 3, [], [valid]]) expect(readNoteRecord(raw)).toStrictEqual(zods(raw));
  });
});
