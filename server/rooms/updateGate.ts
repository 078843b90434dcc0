/**
 * The room's one question before storing an update: store it, drop it as a no-op, or refuse it.
 * Attribution is updateScope's, the rules are permissions', the byte budget is the room's.
 */
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { wallPart } from '../../shared/wall';
import type { ConnectionIdentity } from './connection';
import { checkUpdate, type Refusal, type WallState } from './permissions';
import { analyseUpdate } from './updateScope';

export const DEFAULT_MAX_WALL_BYTES = 8 * 1024 * 1024;

export type Verdict =
  /** `deletes`: it frees space once compacted. */
  | { kind: 'store'; deletes: boolean }
  /** Applying it would change nothing: a resent state, a reconnect's whole delete set. Not worth storing. */
  | { kind: 'no-op' }
  | { kind: 'refuse'; refusal: Refusal; overBytes: boolean };

export interface WallBytes {
  /** Stored now: last snapshot plus updates appended since. */
  stored: number;
  max: number;
}

export function judgeUpdate(doc: Y.Doc, identity: ConnectionIdentity, update: Uint8Array, bytes: WallBytes): Verdict {
  const scope = analyseUpdate(doc, update);
  if (!scope.unattributable && !scope.inserts && !scope.deletes) return { kind: 'no-op' };
  const refusal = checkUpdate(identity, scope, wallState(doc));
  if (refusal) return { kind: 'refuse', refusal, overBytes: false };
  // Deletions stay possible on a full wall: they are how it is brought back under the limit.
  if (scope.inserts && bytes.stored + update.byteLength > bytes.max) {
    return { kind: 'refuse', refusal: { code: CloseCode.WallFull, reason: `wall over ${bytes.max} bytes` }, overBytes: true };
  }
  return { kind: 'store', deletes: scope.deletes };
}

/**
 * The wall as the rules see it, read through the shared accessors, each part made when a check
 * first needs it (not `new Wall(doc)`, which would add every root map to the live doc).
 */
export function wallState(doc: Y.Doc): WallState {
  const control = once(() => wallPart.control(doc));
  const process = once(() => wallPart.process(doc));
  const feedback = once(() => wallPart.feedback(doc));
  const votes = once(() => wallPart.votes(doc));
  return {
    count: (root) => liveKeys(doc, root),
    locked: () => control().locked(),
    frozen: () => control().frozen(),
    reviewFeedback: () => control().reviewFeedback(),
    feedbackOpen: () => feedback().isOpen(),
    firstTaskId: () => process().firstTaskId(),
    task: (id) => process().getTask(id),
    votesBy: (taskId, voterId) => votes().used(taskId, voterId),
  };
}

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** Live entries of a root map: what the entry limits count. */
function liveKeys(doc: Y.Doc, root: string): number {
  let n = 0;
  doc.share.get(root)?._map.forEach((item) => {
    if (!item.deleted) n++;
  });
  return n;
}
