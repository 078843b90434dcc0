/**
 * The client-participation report: who contributed in which workshop (phase), clients' notes
 * nobody answered, and how much of what was chosen traces back to a client. Pure: reads a Wall,
 * returns figures; the facilitator's screen, report.txt and the summary text all use it.
 *
 * Roles come from what people said at join (notes' authorRole, votes' voterRole, comments'
 * authorRole, reactions' reactorRole). "Did not say" is its own column (`unsaid`), never merged:
 * it names no role.
 *
 * Small numbers: a role with fewer than MIN_PEOPLE distinct people is merged into "other" in
 * every figure. People are counted by their ids (authorId, voterId, reactorId: the same
 * device-local id). An anonymous note or comment carries no id, so it counts in the figures but
 * adds nobody to the people count: a role only anonymous writers used therefore counts as fewer
 * than three people and is merged (the safe side). When the clients themselves are merged, the
 * client figures (every phase, unanswered notes, traces) are withheld and `clientsShown` is false.
 */
import type { ParticipantRole } from './schemas';
import { PARTICIPANT_ROLES } from './schemas';
import type { Note, Wall } from './wall';

export const MIN_PEOPLE = 3;
export type ReportRole = ParticipantRole | 'unsaid';
export const REPORT_ROLES: readonly ReportRole[] = [...PARTICIPANT_ROLES, 'unsaid'];

export interface Contributions {
  notes: number;
  comments: number;
  votes: number;
}

export interface PhaseFigures {
  workshopId: string;
  title: string;
  phase: string;
  /** Per shown role (after merging). */
  byRole: Partial<Record<ReportRole, Contributions>>;
  total: Contributions;
  /** Did someone in the client role write, comment or vote in this workshop? */
  clientsTookPart: boolean;
}

export interface UnansweredNote {
  noteId: string;
  text: string;
  workshop: string;
  task: string;
  group: string;
}

export interface Traced {
  total: number;
  fromClients: number;
}

export interface Report {
  /** Roles shown, in catalog order, after merging. */
  roles: ReportRole[];
  /** Roles merged into "other" because fewer than MIN_PEOPLE people had them. */
  merged: ParticipantRole[];
  /** Distinct known people per shown role. */
  people: Partial<Record<ReportRole, number>>;
  phases: PhaseFigures[];
  /** False when the client role had fewer than MIN_PEOPLE people: client figures are withheld. */
  clientsShown: boolean;
  clientsInEveryPhase: boolean;
  phasesWithClients: number;
  unanswered: UnansweredNote[];
  chosen: Traced;
  experiments: Traced;
}

const zero = (): Contributions => ({ notes: 0, comments: 0, votes: 0 });

export function buildReport(wall: Wall): Report {
  const notes = wall.notes().filter((n) => !n.hidden);
  const noteIds = new Set(notes.map((n) => n.id));
  const votes = wall.votes.all().filter((v) => noteIds.has(v.noteId));
  const comments = wall.comments.all().filter((c) => noteIds.has(c.noteId));
  const reactions = wall.reactions.all().filter((r) => noteIds.has(r.noteId));

  // People per said role, by id.
  const ids = new Map<ParticipantRole, Set<string>>();
  const meet = (role: ParticipantRole | undefined, id: string | null) => {
    if (!role || id === null) return;
    const set = ids.get(role) ?? new Set<string>();
    set.add(id);
    ids.set(role, set);
  };
  for (const n of notes) meet(n.authorRole, n.authorId);
  for (const v of votes) meet(v.voterRole, v.voterId);
  for (const c of comments) meet(c.authorRole, c.authorId);
  for (const r of reactions) meet(r.reactorRole, r.reactorId);

  const used = new Set<ParticipantRole>([
    ...notes.flatMap((n) => (n.authorRole ? [n.authorRole] : [])),
    ...votes.flatMap((v) => (v.voterRole ? [v.voterRole] : [])),
    ...comments.flatMap((c) => (c.authorRole ? [c.authorRole] : [])),
    ...reactions.flatMap((r) => (r.reactorRole ? [r.reactorRole] : [])),
  ]);
  const merged = PARTICIPANT_ROLES.filter((r) => r !== 'other' && used.has(r) && (ids.get(r)?.size ?? 0) < MIN_PEOPLE);
  const mergedSet = new Set<ParticipantRole>(merged);
  const shown = (role: ParticipantRole | undefined): ReportRole => (!role ? 'unsaid' : mergedSet.has(role) ? 'other' : role);

  const people: Partial<Record<ReportRole, number>> = {};
  const peopleIds = new Map<ReportRole, Set<string>>();
  for (const [role, set] of ids) {
    const key = shown(role);
    const into = peopleIds.get(key) ?? new Set<string>();
    for (const id of set) into.add(id);
    peopleIds.set(key, into);
  }
  for (const [role, set] of peopleIds) people[role] = set.size;

  const clientsShown = used.has('client') && !mergedSet.has('client');
  const isClient = (role: ParticipantRole | undefined) => clientsShown && role === 'client';

  const taskWorkshop = new Map(wall.process.tasks().map((t) => [t.id, t.workshopId]));
  const noteWorkshop = new Map(notes.map((n) => [n.id, taskWorkshop.get(n.taskId)]));
  const roles = new Set<ReportRole>();
  const phases: PhaseFigures[] = wall.process.workshops().map((w) => ({
    workshopId: w.id,
    title: w.title,
    phase: w.phase,
    byRole: {},
    total: zero(),
    clientsTookPart: false,
  }));
  const phaseOf = new Map(phases.map((p) => [p.workshopId, p]));
  const count = (noteId: string, role: ParticipantRole | undefined, what: keyof Contributions) => {
    const phase = phaseOf.get(noteWorkshop.get(noteId) ?? '');
    if (!phase) return;
    const key = shown(role);
    roles.add(key);
    const c = (phase.byRole[key] ??= zero());
    c[what]++;
    phase.total[what]++;
    if (isClient(role)) phase.clientsTookPart = true;
  };
  for (const n of notes) count(n.id, n.authorRole, 'notes');
  for (const c of comments) count(c.noteId, c.authorRole, 'comments');
  for (const v of votes) count(v.noteId, v.voterRole, 'votes');

  // A response is someone else's comment, reaction or vote. With an anonymous author nobody
  // can tell "someone else" from the writer, so any response counts.
  const answered = new Set<string>();
  const byNote = new Map(notes.map((n) => [n.id, n]));
  const respond = (noteId: string, by: string | null) => {
    const note = byNote.get(noteId);
    if (note && (note.authorId === null || by === null || by !== note.authorId)) answered.add(noteId);
  };
  for (const c of comments) respond(c.noteId, c.authorId);
  for (const r of reactions) respond(r.noteId, r.reactorId);
  for (const v of votes) respond(v.noteId, v.voterId);

  const groupName = new Map(wall.groups().map((g) => [g.id, g.name]));
  const tasks = new Map(wall.process.tasks().map((t) => [t.id, t]));
  const workshopTitle = new Map(wall.process.workshops().map((w) => [w.id, w.title]));
  // In the order the wall shows them: task by task, group by group.
  const taskRank = new Map(wall.process.tasks().map((t, i) => [t.id, i]));
  const groupRank = new Map(wall.groups().map((g, i) => [g.id, i]));
  const wallOrder = (a: Note, b: Note) =>
    (taskRank.get(a.taskId) ?? 0) - (taskRank.get(b.taskId) ?? 0) || (groupRank.get(a.groupId) ?? 0) - (groupRank.get(b.groupId) ?? 0);
  const unanswered = clientsShown
    ? notes
        .filter((n) => n.authorRole === 'client' && !answered.has(n.id))
        .sort(wallOrder)
        .map((n) => ({
          noteId: n.id,
          text: n.text,
          workshop: workshopTitle.get(tasks.get(n.taskId)?.workshopId ?? '') ?? '',
          task: tasks.get(n.taskId)?.title ?? '',
          group: groupName.get(n.groupId) ?? '',
        }))
    : [];

  const fromClient = (n: Note) => [n, ...wall.originsOf(n.id)].some((x) => x.authorRole === 'client' && !x.hidden);
  const traced = (list: Note[]): Traced => ({ total: list.length, fromClients: clientsShown ? list.filter(fromClient).length : 0 });
  const phasesWithClients = phases.filter((p) => p.clientsTookPart).length;

  return {
    roles: REPORT_ROLES.filter((r) => roles.has(r)),
    merged,
    people,
    phases,
    clientsShown,
    clientsInEveryPhase: clientsShown && phases.length > 0 && phasesWithClients === phases.length,
    phasesWithClients,
    unanswered,
    chosen: traced(notes.filter((n) => n.chosen)),
    experiments: traced(notes.filter((n) => tasks.get(n.taskId)?.kind === 'experiments')),
  };
}
