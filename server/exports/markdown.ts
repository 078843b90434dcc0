/**
 * export.md: the whole process as Markdown — workshops → tasks → mirror material → groups →
 * notes (votes, chosen, the note each continues, experiment figures, comments), then every
 * thread from a problem to where it led, and the follow-up updates. In the wall's language.
 */
import type { Role } from '../../shared/schemas';
import { EXPERIMENT_FIELDS, type Note, type Wall } from '../../shared/wall';
import { authorOf, translator, visibleTo } from './text';

/** Backslash-escapes what Markdown would read as markup; `unescapeMarkdown` reverses it. */
export const escapeMarkdown = (s: string) => s.replace(/[\\`*_[\]{}<>#|~!]/g, '\\$&');
export const unescapeMarkdown = (s: string) => s.replace(/\\([\\`*_[\]{}<>#|~!])/g, '$1');
/** A multi-line text inside a list item: continuation lines indented under it. */
const block = (s: string, indent: string) => escapeMarkdown(s).split('\n').join(`\n${indent}`);

export function buildMarkdown(wall: Wall, role: Role, now: number = Date.now()): string {
  const meta = wall.getMeta();
  const t = translator(meta.language);
  const visible = visibleTo(role);
  const notes = wall.notes().filter(visible);
  const byId = new Map(notes.map((n) => [n.id, n]));
  const votes = new Map<string, number>();
  for (const v of wall.votes.all()) votes.set(v.noteId, (votes.get(v.noteId) ?? 0) + 1);
  const groups = wall.groups();
  const out: string[] = [`# ${escapeMarkdown(meta.title)}`, '', `_${t('export.md.exported', { date: new Date(now).toISOString().slice(0, 10) })}_`, ''];

  for (const workshop of wall.process.workshops()) {
    out.push(`## ${escapeMarkdown(workshop.title)}`, '');
    for (const task of wall.process.tasksIn(workshop.id)) {
      out.push(`### ${escapeMarkdown(task.title)}`, '');
      if (task.instructions) out.push(`> ${block(task.instructions, '> ')}`, '');
      const mirror = wall.mirror.inTask(task.id);
      if (mirror.length > 0) {
        out.push(`**${t('export.md.mirror')}**`, '');
        for (const m of mirror) {
          const link = m.url ? ` <${m.url}>` : '';
          out.push(`- ${t(`process.mirror.kind.${m.kind}`)}: ${block(m.text, '  ')}${link}`);
        }
        out.push('');
      }
      for (const group of groups) {
        const column = notes.filter((n) => n.taskId === task.id && n.groupId === group.id);
        if (column.length === 0) continue;
        out.push(`#### ${escapeMarkdown(group.name)}`, '');
        for (const note of column) out.push(...noteLines(note));
        out.push('');
      }
    }
  }

  const threads = notes.filter((n) => n.originId !== null && wall.continuations(n.id).filter(visible).length === 0);
  if (threads.length > 0) {
    out.push(`## ${t('export.md.threads')}`, '');
    for (const end of threads) {
      const chain = [...wall.originsOf(end.id).filter(visible), end];
      out.push(`- ${chain.map((n) => escapeMarkdown(n.text.replace(/\s+/g, ' '))).join(' → ')}`);
    }
    out.push('');
  }

  const followups = wall.followups.all();
  if (followups.length > 0) {
    out.push(`## ${t('export.md.followups')}`, '');
    for (const f of followups) out.push(`- ${new Date(f.createdAt).toISOString().slice(0, 10)}: ${block(f.text, '  ')}${f.url ? ` <${f.url}>` : ''}`);
    out.push('');
  }
  return out.join('\n');

  function noteLines(note: Note): string[] {
    const marks: string[] = [];
    const n = votes.get(note.id) ?? 0;
    if (n > 0) marks.push(t('export.md.votes', { n }));
    if (note.chosen) marks.push(t('export.md.chosen'));
    for (const kind of ['agree', 'recognise'] as const) {
      const r = wall.reactions.count(note.id, kind);
      if (r > 0) marks.push(t(`export.md.${kind}`, { n: r }));
    }
    if (note.hidden) marks.push(t('export.md.hidden'));
    const author = authorOf(wall, note);
    if (author) marks.push(escapeMarkdown(author));
    const lines = [`- ${block(note.text, '  ')}${marks.length ? ` _(${marks.join(', ')})_` : ''}`];
    const origin = note.originId ? byId.get(note.originId) : undefined;
    if (origin) lines.push(`  - ${t('export.md.continues', { text: escapeMarkdown(origin.text.replace(/\s+/g, ' ')) })}`);
    for (const field of EXPERIMENT_FIELDS) {
      const value = note.experiment[field];
      if (value) lines.push(`  - ${t(`process.experiment.${field}`)}: ${escapeMarkdown(value)}`);
    }
    const comments = wall.comments.on(note.id);
    if (comments.length > 0) {
      lines.push(`  - ${t('export.md.comments')}:`);
      for (const c of comments) lines.push(`    - ${block(c.text, '      ')}`);
    }
    return lines;
  }
}
