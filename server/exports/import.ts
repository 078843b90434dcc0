/**
 * Turns an export.json body back into a wall's first update: POST /api/walls/import. Everything
 * is checked before anything is built: the schema (WallExport), the format tag, and that every
 * reference (a note's group and task, a vote's note…) points at something in the same export.
 * Internal ids are kept (they are only unique within a wall); person pseudonyms become author ids.
 */
import * as Y from 'yjs';
import type { core } from '#zod';
import { randomId } from '../../shared/ids';
import { keyAt } from '../../shared/order';
import { EXPORT_FORMAT } from '../../shared/protocol';
import { WallExport, type ParticipantRole } from '../../shared/schemas';
import { EXPERIMENT_FIELDS, Wall, type Experiment } from '../../shared/wall';
import { DEFAULT_VOTES_PER_PERSON } from '../../shared/process';

/** Formats this server can import: the current one (older exports lack only optional fields). */
export const IMPORTABLE_FORMATS: readonly string[] = [EXPORT_FORMAT];

export type ImportResult = { ok: true; export: WallExport } | { ok: false; message: string };

/** Parses and cross-checks a body; never throws. */
export function parseImport(body: unknown): ImportResult {
  const format = (body as { format?: unknown } | null)?.format;
  if (typeof format !== 'string' || !IMPORTABLE_FORMATS.includes(format)) {
    return { ok: false, message: `format: expected one of ${IMPORTABLE_FORMATS.join(', ')}` };
  }
  const parsed = WallExport.safeParse(body);
  if (!parsed.success) return { ok: false, message: describe(parsed.error) };
  const problem = brokenReference(parsed.data);
  return problem ? { ok: false, message: problem } : { ok: true, export: parsed.data };
}

const describe = (error: core.$ZodError) =>
  error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    .join('; ');

function brokenReference(data: WallExport): string | null {
  const groups = new Set(data.groups.map((g) => g.id));
  const tasks = new Set(data.workshops.flatMap((w) => w.tasks.map((t) => t.id)));
  const notes = new Set(data.notes.map((n) => n.id));
  const unique = (ids: string[]) => new Set(ids).size === ids.length;
  if (!unique(data.groups.map((g) => g.id)) || !unique(data.notes.map((n) => n.id)) || !unique([...data.workshops.map((w) => w.id), ...tasks]))
    return 'ids must be unique';
  if (data.workshops.flatMap((w) => w.tasks).length !== tasks.size) return 'task ids must be unique';
  for (const n of data.notes) {
    if (!groups.has(n.groupId)) return `notes: ${n.id} is in a group that is not in the export`;
    if (!tasks.has(n.taskId)) return `notes: ${n.id} answers a task that is not in the export`;
  }
  for (const m of data.mirror ?? []) if (!tasks.has(m.taskId)) return `mirror: ${m.id} is pinned to a task that is not in the export`;
  for (const v of data.votes ?? []) if (!notes.has(v.noteId) || !tasks.has(v.taskId)) return 'votes: a vote is on a note that is not in the export';
  for (const c of data.comments ?? []) if (!notes.has(c.noteId)) return 'comments: a comment is on a note that is not in the export';
  for (const r of data.reactions ?? []) if (!notes.has(r.noteId)) return 'reactions: a reaction is on a note that is not in the export';
  return null;
}

/** An id standing for the person pN: zero-padded so that ids sort like the pseudonyms. */
const personId = (p: string) => `imported-${p.slice(1).padStart(6, '0')}`;
const ms = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : 0;
};

/** The imported wall's first update. */
export function importUpdate(data: WallExport): Uint8Array {
  const doc = new Y.Doc();
  const wall = new Wall(doc);
  doc.transact(() => {
    wall.restoreMeta({ title: data.wall.title, language: data.wall.language, createdAt: ms(data.wall.createdAt) });
    for (const g of data.groups) wall.restoreGroup({ group: { id: g.id, name: g.name, order: g.order }, notes: [] });
    const workshopOrder: { id: string; order: string }[] = [];
    for (const w of data.workshops) {
      const order = keyAt(workshopOrder, workshopOrder.length);
      workshopOrder.push({ id: w.id, order });
      wall.process.restoreWorkshop({ id: w.id, title: w.title, order, phase: w.phase ?? 'other' });
      const taskOrder: { id: string; order: string }[] = [];
      for (const t of w.tasks) {
        const tOrder = keyAt(taskOrder, taskOrder.length);
        taskOrder.push({ id: t.id, order: tOrder });
        wall.process.restoreTask({
          id: t.id,
          workshopId: w.id,
          title: t.title,
          instructions: t.instructions,
          order: tOrder,
          kind: t.kind ?? 'notes',
          locked: t.locked ?? false,
          privateWriting: t.privateWriting ?? false,
          voteState: t.voteState ?? 'off',
          votesPerPerson: t.votesPerPerson ?? DEFAULT_VOTES_PER_PERSON,
          hideVoteCounts: t.hideVoteCounts ?? false,
        });
      }
    }
    for (const n of data.notes) {
      const experiment: Experiment = {};
      for (const f of EXPERIMENT_FIELDS) if (n.experiment?.[f]) experiment[f] = n.experiment[f];
      wall.restoreNote({
        id: n.id,
        groupId: n.groupId,
        taskId: n.taskId,
        text: n.text,
        color: n.color,
        order: n.order,
        authorName: n.authorName,
        // Anonymous notes carry no id, imported or not.
        authorId: n.authorName !== null && n.author ? personId(n.author) : null,
        createdAt: ms(n.createdAt),
        updatedAt: ms(n.updatedAt),
        personalData: n.personalData ?? false,
        chosen: n.chosen ?? false,
        originId: n.originId ?? null,
        hidden: n.hidden ?? false,
        experiment,
        ...(n.authorRole ? { authorRole: n.authorRole } : {}),
      });
    }
    for (const m of data.mirror ?? []) wall.mirror.restore(m);
    for (const v of data.votes ?? []) wall.votes.cast(v.taskId, v.noteId, personId(v.voter), v.voterRole);
    for (const c of data.comments ?? [])
      wall.comments.restore({
        id: c.id,
        noteId: c.noteId,
        text: c.text,
        authorName: c.authorName,
        authorId: c.authorName !== null && c.author ? personId(c.author) : null,
        ...(c.authorRole ? { authorRole: c.authorRole } : {}),
        createdAt: ms(c.createdAt),
        order: c.order,
      });
    for (const r of data.reactions ?? [])
      wall.reactions.restore({
        id: randomId(),
        noteId: r.noteId,
        kind: r.kind,
        reactorId: personId(r.reactor),
        ...(r.reactorRole ? { reactorRole: r.reactorRole as ParticipantRole } : {}),
      });
    for (const f of data.followups ?? []) wall.followups.restore({ id: f.id, text: f.text, url: f.url, createdAt: ms(f.createdAt), order: f.order });
    for (const a of data.feedback ?? [])
      wall.feedback.restore({
        id: randomId(),
        heard: a.heard,
        changed: a.changed,
        ...(a.comment ? { comment: a.comment } : {}),
        respondentId: personId(a.respondent),
        ...(a.respondentRole ? { respondentRole: a.respondentRole } : {}),
        createdAt: ms(a.createdAt),
      });
    const c = data.control;
    if (c) {
      wall.feedback.setOpen(c.feedbackOpen ?? false);
      wall.control.setLocked(c.locked);
      wall.control.setFrozen(c.frozen);
      wall.control.setShowAuthors(c.showAuthors);
      wall.control.setReviewFeedback(c.reviewFeedback);
    }
    const current = c?.currentTaskId ?? wall.process.firstTaskId();
    if (current && wall.process.getTask(current)) wall.control.setCurrentTask(current);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
