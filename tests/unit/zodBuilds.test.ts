/**
 * The server parses with classic zod and the browser with zod/mini (`#zod`, shared/zod/). Both
 * builds must accept, reject and clean every input alike: the same cases go through classic zod
 * here and through zod/mini in a Node process started with the "browser" condition.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildExport } from '../../server/exports/json';
import * as schemas from '../../shared/schemas';
import { LIMITS } from '../../shared/limits';
import { Wall } from '../../shared/wall';

const ROOT = join(import.meta.dirname, '..', '..');

function richExport(): unknown {
  const doc = new Y.Doc();
  const wall = new Wall(doc);
  wall.initialise({ title: 'Kotihoidon arki', language: 'fi', createdAt: 1_700_000_000_000 }, ['Ryhmä 1', 'Ryhmä 2'], 'four-workshops');
  const groupId = wall.groups()[0]!.id;
  for (let i = 0; i < 5; i++) wall.addNote({ groupId, text: `Idea ${i}`, color: 'yellow', authorName: i ? null : 'Aino', authorId: null });
  return JSON.parse(JSON.stringify(buildExport('wall0000000000000001', wall, 'facilitator', 1_700_000_100_000)));
}

const note = { groupId: 'g1', text: 'Odotan puhelinaikaa', color: 'yellow', order: 'a0', createdAt: 1, authorName: null, authorId: null };
const CASES: Array<[keyof typeof schemas, unknown]> = [
  ['WallId', 'abcdefghijklmnopqrstuv'],
  ['WallId', 'short'],
  ['Token', 'x'.repeat(22)],
  ['Token', 'bad token with spaces!'],
  ['CreateWallBody', { title: '  Työpaja  ', template: 'blank', language: 'fi' }],
  ['CreateWallBody', { title: '   ' }],
  ['CreateWallBody', { title: 'x', extra: true }],
  ['CreateWallBody', { title: 'x'.repeat(LIMITS.titleMax + 1) }],
  ['NoteRecord', note],
  ['NoteRecord', { ...note, color: 'ultraviolet' }],
  ['NoteRecord', { ...note, text: 'x'.repeat(LIMITS.noteTextMax + 1) }],
  ['NoteRecord', { ...note, authorRole: 'not-a-role' }],
  ['NoteRecord', { ...note, unknownField: 1 }],
  ['TaskRecord', { workshopId: 'w1', title: 'Nykytila', instructions: 42, kind: 'nonsense', order: 'a0' }],
  ['TaskRecord', { workshopId: 'w1', title: 'Äänestys', order: 'a1', votesPerPerson: 0 }],
  ['MirrorRecord', { taskId: 't1', kind: 'link', text: 'x', url: 'javascript:alert(1)', order: 'a0' }],
  ['ExportedExperiment', { owner: 'Aino', result: 'x'.repeat(LIMITS.experimentFieldMax + 1) }],
  ['ExportedExperiment', {}],
  ['RetentionBody', { deleteAt: '2027-01-01T00:00:00+02:00' }],
  ['RetentionBody', { deleteAt: '1969-12-31T23:59:59Z' }],
  ['RetentionBody', { deleteAt: 'tomorrow' }],
  ['JoinCode', 'abc-def'],
  ['JoinCode', 'abcdef'],
  ['JoinCode', 'ab'],
  ['GroupLinkBody', { groupId: 'g1' }],
  ['AwarenessState', { user: { name: 'Aino', color: '#ff0000' } }],
  ['AwarenessState', { user: { name: 'x'.repeat(10_000) } }],
  ['WallExport', richExport()],
  ['WallExport', { format: 'pajaseina', exportedAt: 'x', wall: { id: 'w', title: '', language: 'fi', createdAt: 'x' } }],
  ['WallExport', null],
  ['NoteRecord', [1, 2, 3]],
];

function parseIn(conditions: string[]): Array<{ name: string; success: boolean; data: unknown; build: string }> {
  const script = join(ROOT, 'tests', 'fixtures', 'zodBuildParse.ts');
  const args = [...conditions.flatMap((c) => ['--conditions', c]), '--import', 'tsx', script, JSON.stringify(CASES)];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }));
}

describe('the two zod builds', () => {
  it('accept, reject and clean every case alike', () => {
    const mini = parseIn(['browser']);
    const classic = parseIn([]);
    // The two processes really ran different builds …
    expect(new Set(mini.map((r) => r.build)).has('ZodMiniString')).toBe(true);
    expect(new Set(classic.map((r) => r.build)).has('ZodString')).toBe(true);
    // … and this process (vitest, like the server) runs classic zod.
    expect(schemas.WallId.constructor.name).toBe('ZodString');
    const outcome = (rs: typeof mini) => rs.map(({ name, success, data }) => ({ name, success, data }));
    expect(outcome(mini)).toEqual(outcome(classic));
    // Both kinds of case are in the set, so agreeing is not trivial.
    expect(classic.filter((r) => r.success).length).toBeGreaterThan(8);
    expect(classic.filter((r) => !r.success).length).toBeGreaterThan(8);
  }, 60_000);
});
