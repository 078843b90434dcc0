/**
 * A refused change explained by the rule that refused it, when the server named one the person
 * can understand: a lock or a freeze that came just before the change arrived is not a missing
 * right, and saying "you are not allowed" would blame them for the timing.
 */
import type { MessageKey } from '../../shared/i18n';
import { CloseCode, RefusalReason } from '../../shared/protocol';

const BY_REASON: Record<RefusalReason, MessageKey> = {
  [RefusalReason.TaskLocked]: 'status.refused.taskLocked',
  [RefusalReason.WallLocked]: 'status.refused.wallLocked',
  [RefusalReason.WallFrozen]: 'status.refused.frozen',
};

/** The message for a 4403 with a reason named in RefusalReason; null for anything else. */
export function refusedChangeKey(code: number | null, reason: string): MessageKey | null {
  if (code !== CloseCode.Forbidden) return null;
  return (BY_REASON as Record<string, MessageKey | undefined>)[reason] ?? null;
}
