/**
 * export.csv: one row per note, for a spreadsheet. UTF-8 with a byte-order mark (Excel reads
 * Finnish letters right only with one), CRLF line ends, every field quoted (RFC 4180). A field
 * that starts with = + - @ gets a leading apostrophe so that a spreadsheet never runs it as a
 * formula (CSV injection).
 */
import type { Role } from '../../shared/schemas';
import type { Wall } from '../../shared/wall';
import { notesInWallOrder } from './json';
import { authorOf, translator, visibleTo } from './text';

export const BOM = '\uFEFF';

export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function buildCsv(wall: Wall, role: Role): string {
  const t = translator(wall.getMeta().language);
  const visible = visibleTo(role);
  const tasks = new Map(wall.process.tasks().map((task) => [task.id, task]));
  const workshops = new Map(wall.process.workshops().map((w) => [w.id, w]));
  const groups = new Map(wall.groups().map((g) => [g.id, g]));
  const votes = new Map<string, number>();
  for (const v of wall.votes.all()) votes.set(v.noteId, (votes.get(v.noteId) ?? 0) + 1);
  const yes = t('export.yes');
  const no = t('export.no');
  const header = [
    t('export.csv.workshop'),
    t('export.csv.task'),
    t('export.csv.group'),
    t('export.csv.position'),
    t('export.csv.text'),
    t('export.csv.color'),
    t('export.csv.author'),
    t('export.csv.votes'),
    t('export.csv.chosen'),
    t('export.csv.origin'),
    t('export.csv.created'),
  ];
  const rows = notesInWallOrder(wall)
    .filter(({ note }) => visible(note))
    .map(({ note, position }) => {
      const task = tasks.get(note.taskId);
      const origin = note.originId ? wall.getNote(note.originId) : undefined;
      return [
        workshops.get(task?.workshopId ?? '')?.title ?? '',
        task?.title ?? '',
        groups.get(note.groupId)?.name ?? '',
        position + 1,
        note.text,
        t(`color.${note.color}`),
        authorOf(wall, note) ?? '',
        votes.get(note.id) ?? 0,
        note.chosen ? yes : no,
        origin && visible(origin) ? origin.text : '',
        new Date(note.createdAt).toISOString(),
      ];
    });
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
