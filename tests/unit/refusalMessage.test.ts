/**
 * A refused change is explained by the rule that refused it: the reasons the server's rules send
 * for a task lock, a wall lock and a freeze each have their own message; anything else falls
 * back to the plain refusal (client/components/refusalMessage.ts).
 */
import { describe, expect, it } from 'vitest';
import { refusedChangeKey } from '../../client/components/refusalMessage';
import { catalogs } from '../../shared/i18n';
import { CloseCode, RefusalReason } from '../../shared/protocol';

describe('refusedChangeKey', () => {
  it('names a message for each reason the rules send for a lock or a freeze, in every language', () => {
    for (const reason of Object.values(RefusalReason)) {
      const key = refusedChangeKey(CloseCode.Forbidden, reason);
      expect(key, reason).not.toBeNull();
      for (const catalog of Object.values(catalogs)) expect(catalog[key!]).toBeTruthy();
    }
    expect(refusedChangeKey(CloseCode.Forbidden, RefusalReason.TaskLocked)).toBe('status.refused.taskLocked');
  });

  it('leaves other reasons and other codes to the plain refusal', () => {
    expect(refusedChangeKey(CloseCode.Forbidden, 'participants may not change "meta"')).toBeNull();
    expect(refusedChangeKey(CloseCode.Forbidden, '')).toBeNull();
    expect(refusedChangeKey(CloseCode.WallFull, RefusalReason.TaskLocked)).toBeNull();
    expect(refusedChangeKey(null, RefusalReason.TaskLocked)).toBeNull();
  });
});
