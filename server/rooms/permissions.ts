/**
 * What each role may do on a wall's socket. The one place that decides it.
 *
 *   viewer        nothing (its updates are ignored, its awareness not shown)
 *   participant   notes only, in any group: groups and the wall's meta are the facilitator's
 *   group link    notes only, and only notes that are and stay in its own group
 *   facilitator   everything
 *
 * Limits (note count, group count, note text length) hold for every role.
 */
import { LIMITS } from '../../shared/limits';
import { CloseCode } from '../../shared/protocol';
import type { Role } from '../../shared/schemas';
import { WALL_ROOTS } from '../../shared/wall';
import type { ConnectionIdentity } from './connection';
import type { UpdateScope } from './updateScope';

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

export interface WallCounts {
  /** Live entries in the notes and groups maps now. */
  notes: number;
  groups: number;
}

const forbidden = (reason: string): Refusal => ({ code: CloseCode.Forbidden, reason });
const full = (reason: string): Refusal => ({ code: CloseCode.WallFull, reason });

/** Decides one analysed update. Returns null when it may be stored and applied. */
export function checkUpdate(identity: ConnectionIdentity, scope: UpdateScope, counts: () => WallCounts): Refusal | null {
  if (!mayEdit(identity.role)) return forbidden('role may not edit');
  // Missing dependencies or crafted references: nobody can say what it would change.
  if (scope.unattributable) return forbidden('update refers to unknown content');
  if (scope.subdocs) return forbidden('a wall has no sub-documents');
  if (identity.role !== 'facilitator') {
    for (const root of scope.roots) if (root !== WALL_ROOTS.notes) return forbidden(`participants may not change ${clipName(root)}`);
    if (scope.irregularNote) return forbidden('a note must be a map under its id');
    if (identity.groupId !== null) {
      const refusal = checkGroupLink(identity.groupId, scope);
      if (refusal) return refusal;
    }
  }
  if (scope.longestNoteString > LIMITS.noteTextMax) return full(`note text over ${LIMITS.noteTextMax} characters`);
  if (scope.newNoteKeys.size > 0 || scope.newGroupKeys.size > 0) {
    const now = counts();
    if (now.notes + scope.newNoteKeys.size > LIMITS.notesMax) return full(`wall has the maximum ${LIMITS.notesMax} notes`);
    if (now.groups + scope.newGroupKeys.size > LIMITS.groupsMax) return full(`wall has the maximum ${LIMITS.groupsMax} groups`);
  }
  return null;
}

/** Every note touched must be in the link's group before and after: no moving in or out. */
function checkGroupLink(groupId: string, scope: UpdateScope): Refusal | null {
  for (const touch of scope.notes.values()) {
    const groups = touch.current === undefined ? touch.written : [touch.current, ...touch.written];
    if (groups.length === 0 || groups.some((g) => g !== groupId)) return forbidden('group link may change only its own group');
  }
  return null;
}

const clipName = (root: string) => JSON.stringify(root.slice(0, 32));
