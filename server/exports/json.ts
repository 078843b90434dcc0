/** Builds export.json (docs/export-format.md) from a wall's doc, through the Wall accessors. */
import { EXPORT_FORMAT } from '../../shared/protocol';
import { buildReport } from '../../shared/report';
import type { ParticipantRole, Role, WallExport } from '../../shared/schemas';
import type { Note, Wall } from '../../shared/wall';
import { People } from './people';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const iso = (ms: number) => new Date(ms).toISOString();

/** Notes task by task, then group by group, each column in display order: the order the wall shows. */
export function notesInWallOrder(wall: Wall): { note: Note; position: number }[] {
  const groups = wall.groups();
  // One pass over the notes: filtering per column would re-read every note for every column.
  const byColumn = new Map<string, Note[]>();
  const column = (taskId: string, groupId: string) => `${taskId}\u0000${groupId}`;
  for (const note of wall.notes()) {
    const key = column(note.taskId, note.groupId);
    const list = byColumn.get(key);
    if (list) list.push(note);
    else byColumn.set(key, [note]);
  }
  return wall.process
    .tasks()
    .flatMap((task) => groups.flatMap((group) => (byColumn.get(column(task.id, group.id)) ?? []).map((note, position) => ({ note, position }))));
}

/**
 * The full wall for the facilitator. Anyone else gets it without hidden notes (moderation) and
 * without roles (those are for the facilitator's report only).
 */
export function buildExport(wallId: string, wall: Wall, role: Role = 'facilitator', now: number = Date.now()): WallExport {
  const full = role === 'facilitator';
  // Small numbers hold in the export too: a role with fewer than three people goes out as "other".
  const merged = new Set<string>(full ? buildReport(wall).merged : []);
  const roleOf = (r: ParticipantRole | undefined): ParticipantRole | undefined => (!full || !r ? undefined : merged.has(r) ? 'other' : r);
  const meta = wall.getMeta();
  const people = new People();
  const voteCounts = new Map<string, number>();
  for (const v of wall.votes.all()) voteCounts.set(v.noteId, (voteCounts.get(v.noteId) ?? 0) + 1);
  const notes = notesInWallOrder(wall)
    .filter(({ note }) => full || !note.hidden)
    .map(({ note, position }) => ({
    id: note.id,
    groupId: note.groupId,
    taskId: note.taskId,
    text: note.text,
    color: note.color,
    order: note.order,
    position,
    authorName: note.authorName,
    createdAt: iso(note.createdAt),
    updatedAt: iso(note.updatedAt),
    author: people.of(note.authorId),
    authorRole: roleOf(note.authorRole),
    votes: voteCounts.get(note.id) ?? 0,
    chosen: note.chosen,
    originId: note.originId,
    hidden: note.hidden,
    personalData: note.personalData,
    experiment: note.experiment,
  }));
  const noteIds = new Set(notes.map((n) => n.id));
  const noteIndex = new Map(notes.map((n, i) => [n.id, i]));
  const byNote = <T extends { noteId: string }>(items: T[], key: (item: T) => string) =>
    items.sort((a, b) => noteIndex.get(a.noteId)! - noteIndex.get(b.noteId)! || cmp(key(a), key(b)));
  const control = wall.control;
  return {
    format: EXPORT_FORMAT,
    exportedAt: iso(now),
    wall: { id: wallId, title: meta.title, language: meta.language, createdAt: iso(meta.createdAt) },
    workshops: wall.process.workshops().map((w) => ({
      id: w.id,
      title: w.title,
      phase: w.phase,
      tasks: wall.process.tasksIn(w.id).map((t) => ({
        id: t.id,
        title: t.title,
        instructions: t.instructions,
        kind: t.kind,
        locked: t.locked,
        privateWriting: t.privateWriting,
        voteState: t.voteState,
        votesPerPerson: t.votesPerPerson,
        hideVoteCounts: t.hideVoteCounts,
      })),
    })),
    groups: wall.groups().map((g, position) => ({ id: g.id, name: g.name, order: g.order, position })),
    notes,
    control: {
      feedbackOpen: wall.feedback.isOpen(),
      locked: control.locked(),
      frozen: control.frozen(),
      showAuthors: control.showAuthors(),
      reviewFeedback: control.reviewFeedback(),
      currentTaskId: control.currentTaskId(),
    },
    mirror: wall.process.tasks().flatMap((t) => wall.mirror.inTask(t.id).map(({ id, taskId, kind, text, url, order }) => ({ id, taskId, kind, text, url, order }))),
    // Votes, comments and reactions of notes that are in the export (not of deleted ones), note by
    // note; pseudonyms are handed out in a fixed order so that an imported wall exports the same.
    votes: byNote(
      wall.votes.all().filter((v) => noteIds.has(v.noteId)),
      (v) => v.voterId,
    ).map((v) => ({ taskId: v.taskId, noteId: v.noteId, voter: people.of(v.voterId), voterRole: roleOf(v.voterRole) })),
    comments: wall.comments
      .all()
      .filter((c) => noteIds.has(c.noteId))
      .sort((a, b) => (noteIndex.get(a.noteId)! - noteIndex.get(b.noteId)!) || cmp(a.order, b.order) || cmp(a.id, b.id))
      .map((c) => ({
        id: c.id,
        noteId: c.noteId,
        text: c.text,
        authorName: c.authorName,
        author: people.of(c.authorId),
        authorRole: roleOf(c.authorRole),
        createdAt: iso(c.createdAt),
        order: c.order,
      })),
    reactions: byNote(
      wall.reactions.all().filter((r) => noteIds.has(r.noteId)),
      (r) => `${r.kind}\u0000${r.reactorId}`,
    ).map((r) => ({ noteId: r.noteId, kind: r.kind, reactor: people.of(r.reactorId), reactorRole: roleOf(r.reactorRole) })),
    // Answers in time order; pseudonyms from the same pool, so a person is the same p-number throughout.
    feedback: wall.feedback.answers().map((a) => ({
      heard: a.heard,
      changed: a.changed,
      comment: a.comment,
      respondent: people.of(a.respondentId),
      respondentRole: roleOf(a.respondentRole),
      createdAt: iso(a.createdAt),
    })),
    followups: wall.followups.all().map((f) => ({ id: f.id, text: f.text, url: f.url, createdAt: iso(f.createdAt), order: f.order })),
  };
}
