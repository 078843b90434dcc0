/**
 * What each role may do on a wall's socket. The one place that decides it.
 *
 *   viewer        nothing (its updates are ignored, its awareness not shown)
 *   participant   notes and votes only: groups, the process (workshops, tasks, mirror material)
 *                 and the live controls (current task, timer, locks) are the facilitator's.
 *                 Not while the wall is locked or frozen, not in a locked task, not on a note the
 *                 facilitator hid; votes only while the task's vote is open and within the allowance.
 *                 Comments and reactions (review feedback) only while the facilitator allows
 *                 them (control.reviewFeedback); viewers never (their updates are ignored).
 *                 Answers to the follow-up feedback form while the facilitator has it open,
 *                 even on a frozen or locked wall (the form comes weeks after the workshops).
 *   group link    as a participant, and only notes that are and stay in its own group
 *   facilitator   everything
 *
 * Limits (entry counts, string length) hold for every role.
 */
import { LIMITS } from '../../shared/limits';
import { CloseCode, RefusalReason } from '../../shared/protocol';
import type { Role } from '../../shared/schemas';
import { COMMENTS_MAX } from '../../shared/comments';
import { FEEDBACK_MAX } from '../../shared/feedback';
import { REACTIONS_MAX } from '../../shared/reactions';
import { WALL_ROOTS } from '../../shared/wall';
import type { ConnectionIdentity } from './connection';
import type { EntryTouch, UpdateScope } from './updateScope';

/** May the role's document updates be stored, applied and relayed at all? */
export function mayEdit(role: Role): boolean {
  return role === 'facilitator' || role === 'participant';
}

/**
 * May the role's awareness (name, cursor, group) be shown to others? Viewers are passive
 * screens, e.g. a projector; they see everyone but nobody sees them.
 */
export function mayPublishAwareness(role: Role): boolean {
  return role !== 'viewer';
}

export interface Refusal {
  code: typeof CloseCode.Forbidden | typeof CloseCode.WallFull;
  /** Sent as the close reason: at most 123 bytes. */
  reason: string;
}

/** What the rules need to know of the wall as it is before the update. */
export interface WallState {
  /** Live entries in a root map now. */
  count(root: string): number;
  locked(): boolean;
  frozen(): boolean;
  /** Comments and reactions allowed while reviewing; absent = not allowed. */
  reviewFeedback?(): boolean;
  /** The follow-up feedback form is open; absent = closed. */
  feedbackOpen?(): boolean;
  firstTaskId(): string | null;
  task(id: string): { locked: boolean; voteState: string; votesPerPerson: number } | undefined;
  /** Votes `voterId` has in the task now. */
  votesBy(taskId: string, voterId: string): number;
}

const forbidden = (reason: string): Refusal => ({ code: CloseCode.Forbidden, reason });
const full = (reason: string): Refusal => ({ code: CloseCode.WallFull, reason });

/** Roots a participant may write into. */
const PARTICIPANT_ROOTS: ReadonlySet<string> = new Set([WALL_ROOTS.notes, WALL_ROOTS.votes, WALL_ROOTS.comments, WALL_ROOTS.reactions, WALL_ROOTS.feedback]);
/** Roots of review feedback: participants write them only while the facilitator allows it. */
const FEEDBACK_ROOTS: readonly string[] = [WALL_ROOTS.comments, WALL_ROOTS.reactions];

/** The most live entries each root may hold. */
const ENTRY_LIMITS: Record<string, number> = {
  [WALL_ROOTS.notes]: LIMITS.notesMax,
  [WALL_ROOTS.groups]: LIMITS.groupsMax,
  [WALL_ROOTS.workshops]: LIMITS.workshopsMax,
  [WALL_ROOTS.tasks]: LIMITS.tasksMax,
  [WALL_ROOTS.mirror]: LIMITS.mirrorMax,
  [WALL_ROOTS.votes]: LIMITS.votesMax,
  [WALL_ROOTS.comments]: COMMENTS_MAX,
  [WALL_ROOTS.reactions]: REACTIONS_MAX,
  [WALL_ROOTS.feedback]: FEEDBACK_MAX,
};

/** Decides one analysed update. Returns null when it may be stored and applied. */
export function checkUpdate(identity: ConnectionIdentity, scope: UpdateScope, wall: WallState): Refusal | null {
  if (!mayEdit(identity.role)) return forbidden('role may not edit');
  // Missing dependencies or crafted references: nobody can say what it would change.
  if (scope.unattributable) return forbidden('update refers to unknown content');
  if (scope.subdocs) return forbidden('a wall has no sub-documents');
  if (identity.role !== 'facilitator') {
    const refusal = checkParticipant(identity, scope, wall);
    if (refusal) return refusal;
  }
  if (scope.longestString > LIMITS.noteTextMax) return full(`note text over ${LIMITS.noteTextMax} characters`);
  for (const [root, keys] of scope.newKeys) {
    const max = ENTRY_LIMITS[root];
    if (max !== undefined && keys.size > 0 && wall.count(root) + keys.size > max) {
      return full(`wall has the maximum ${max} ${clipName(root).slice(1, -1)}`);
    }
  }
  return null;
}

function checkParticipant(identity: ConnectionIdentity, scope: UpdateScope, wall: WallState): Refusal | null {
  if (scope.roots.has(WALL_ROOTS.feedback)) return checkFeedbackAnswer(scope, wall);
  for (const root of scope.roots) if (!PARTICIPANT_ROOTS.has(root)) return forbidden(`participants may not change ${clipName(root)}`);
  if (scope.irregular.has(WALL_ROOTS.notes)) return forbidden('a note must be a map under its id');
  if (scope.irregular.has(WALL_ROOTS.votes)) return forbidden('a vote must be a map under its id');
  if (wall.frozen()) return forbidden(RefusalReason.WallFrozen);
  for (const root of FEEDBACK_ROOTS) {
    if (!scope.roots.has(root)) continue;
    if (wall.reviewFeedback?.() !== true) return forbidden('comments and reactions are not open');
    if (scope.irregular.has(root)) return forbidden('a comment or reaction must be a map under its id');
    for (const touch of scope.entries.get(root)?.values() ?? []) {
      if (touch.nested) return forbidden('a comment or reaction has no nested content');
      // Feedback is added or taken back, never rewritten in place.
      if (touch.current !== undefined && !touch.removed && (touch.written.size > 0 || touch.deletedFields.size > 0)) return forbidden('feedback cannot be changed, only taken back');
    }
  }
  if (wall.locked()) return forbidden(RefusalReason.WallLocked);
  const notes = [...(scope.entries.get(WALL_ROOTS.notes)?.values() ?? [])];
  for (const touch of notes) {
    const refusal = checkNote(touch, wall);
    if (refusal) return refusal;
  }
  if (identity.groupId !== null) {
    const refusal = checkGroupLink(identity.groupId, notes);
    if (refusal) return refusal;
  }
  return checkVotes([...(scope.entries.get(WALL_ROOTS.votes)?.values() ?? [])], wall);
}

/** A follow-up form answer: alone in its update, only while the form is open. */
function checkFeedbackAnswer(scope: UpdateScope, wall: WallState): Refusal | null {
  if (wall.feedbackOpen?.() !== true) return forbidden('the feedback form is not open');
  for (const root of scope.roots) if (root !== WALL_ROOTS.feedback) return forbidden('a feedback answer goes in an update of its own');
  if (scope.irregular.has(WALL_ROOTS.feedback)) return forbidden('an answer must be a map under its id');
  for (const touch of scope.entries.get(WALL_ROOTS.feedback)?.values() ?? []) {
    if (touch.nested) return forbidden('an answer has no nested content');
    if (touch.current !== undefined && !touch.removed && (touch.written.size > 0 || touch.deletedFields.size > 0)) return forbidden('an answer is replaced, not changed');
  }
  return null;
}

/** Every task a touched entry is in now or is written into; notes without one are in the first task. */
function tasksOf(touch: EntryTouch, wall: WallState): unknown[] {
  const out: unknown[] = [...(touch.written.get('taskId') ?? [])];
  if (touch.current) out.push(touch.current.taskId ?? wall.firstTaskId());
  else if (out.length === 0) out.push(wall.firstTaskId());
  return out;
}

function checkNote(touch: EntryTouch, wall: WallState): Refusal | null {
  if (touch.nested) return forbidden('a note has no nested content');
  if (touch.current?.hidden === true) return forbidden('the facilitator has hidden this note');
  if (touch.written.has('hidden') || touch.deletedFields.has('hidden')) return forbidden('only the facilitator hides notes');
  for (const taskId of tasksOf(touch, wall)) {
    if (typeof taskId === 'string' && wall.task(taskId)?.locked) return forbidden(RefusalReason.TaskLocked);
  }
  return null;
}

/** Every note touched must be in the link's group before and after: no moving in or out. */
function checkGroupLink(groupId: string, notes: EntryTouch[]): Refusal | null {
  for (const touch of notes) {
    const written = touch.written.get('groupId') ?? [];
    const groups = touch.current === undefined ? written : [touch.current.groupId, ...written];
    if (groups.length === 0 || groups.some((g) => g !== groupId)) return forbidden('group link may change only its own group');
  }
  return null;
}

/** Votes: only in a task whose vote is open, never changed in place, within each voter's allowance. */
function checkVotes(votes: EntryTouch[], wall: WallState): Refusal | null {
  const added = new Map<string, { taskId: string; voterId: string; n: number }>();
  for (const touch of votes) {
    if (touch.nested) return forbidden('a vote has no nested content');
    for (const taskId of tasksOf(touch, wall)) {
      const task = typeof taskId === 'string' ? wall.task(taskId) : undefined;
      if (!task || task.voteState !== 'open' || task.locked) return forbidden('voting is not open in this task');
    }
    if (touch.current !== undefined) {
      // Removing an entry deletes its fields with it, so deleted fields only count on a vote that stays.
      const changed = touch.written.size > 0 || (!touch.removed && touch.deletedFields.size > 0);
      if (changed) return forbidden('a vote cannot be changed, only taken back');
      continue; // taken back
    }
    if (touch.removed && touch.written.size === 0) continue; // made and taken back in one update
    const [taskId, voterId, noteId] = ['taskId', 'voterId', 'noteId'].map((f) => touch.written.get(f));
    if ([taskId, voterId, noteId].some((v) => v?.length !== 1 || typeof v[0] !== 'string')) return forbidden('a vote needs a task, a voter and a note');
    const key = `${String(taskId![0])}\u0000${String(voterId![0])}`;
    const entry = added.get(key) ?? { taskId: taskId![0] as string, voterId: voterId![0] as string, n: 0 };
    entry.n++;
    added.set(key, entry);
  }
  for (const { taskId, voterId, n } of added.values()) {
    const allowance = wall.task(taskId)?.votesPerPerson ?? 0;
    if (wall.votesBy(taskId, voterId) + n > allowance) return forbidden(`no votes left (${allowance} per person)`);
  }
  return null;
}

const clipName = (root: string) => JSON.stringify(root.slice(0, 32));
