/**
 * Always visible: is what I write reaching the others? Says how many changes wait while
 * offline, and when the server refused us, what happened and what to do next.
 */
import { CloseCode } from '../../shared/protocol';
import type { MessageKey } from '../../shared/i18n';
import { useT } from '../i18n';
import { useStatus } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
import { RefusedActions } from './RefusedActions';
import { refusedChangeKey } from './refusalMessage';
import { UnsavedNotes } from './UnsavedNotes';

/** Why the connection dropped, for the codes where the reason helps the user. */
function problemKey(code: number | null): MessageKey | null {
  switch (code) {
    case CloseCode.MessageTooBig:
      return 'status.problem.tooBig';
    case CloseCode.MalformedMessage:
      return 'status.problem.malformed';
    case CloseCode.TooManyPendingUpdates:
    case CloseCode.SlowConsumer:
      return 'status.problem.busy';
    case CloseCode.LoadFailed:
    case CloseCode.StorageFailed:
      return 'status.problem.server';
    case CloseCode.GoingAway:
      return 'status.problem.goingAway';
    default:
      return null;
  }
}

/** What the refusal means for the user, by the close code that ended the connection. */
function refusedKey(code: number | null): MessageKey {
  switch (code) {
    case CloseCode.WallNotFound:
      return 'status.refused.notFound';
    case CloseCode.WallDeleted:
      return 'status.refused.deleted';
    case CloseCode.Forbidden:
      return 'status.refused.forbidden';
    case CloseCode.WallFull:
      return 'status.refused.full';
    default:
      return 'status.refused.unauthorized';
  }
}

const ICONS = { online: '●', syncing: '↻', offline: '⚠', refused: '✕' } as const;

export function StatusBanner() {
  const t = useT();
  const { session, info } = useWallContext();
  const { status, pending, closeCode } = useStatus(session);

  let message: string;
  if (status === 'online') message = info.role === 'viewer' ? t('status.onlineViewer') : t('status.online');
  else if (status === 'syncing') message = t('status.syncing');
  else if (status === 'offline') message = pending > 0 ? t.plural('status.offlinePending', pending) : t('status.offline');
  else message = t(refusedChangeKey(closeCode, session.closeReason.value) ?? refusedKey(closeCode));

  const problem = status === 'offline' || status === 'syncing' ? problemKey(closeCode) : null;

  return (
    <>
      <section
        class={`status status--${status}`}
        aria-label={t('status.label')}
        data-testid="status"
        data-status={status}
        data-close-code={closeCode ?? undefined}
        data-pending={pending}
      >
        <div role="status">
          <span class="status__icon" aria-hidden="true">
            {ICONS[status]}
          </span>{' '}
          <span>{message}</span>
          {problem && <span class="status__problem"> {t(problem)}</span>}
        </div>
        {status === 'refused' && <RefusedActions closeCode={closeCode} />}
      </section>
      {/* Below the sticky banner, not in it: a list of notes would cover a phone's screen. */}
      <UnsavedNotes />
    </>
  );
}
