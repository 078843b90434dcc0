/**
 * Always visible: is what I write reaching the others? Says how many changes wait while
 * offline, and when the server refused us, what to do next.
 */
import { CloseCode } from '../../shared/protocol';
import type { MessageKey } from '../../shared/i18n';
import { useT } from '../i18n';
import { useStatus } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';

/** Why the connection dropped, for the codes where the reason helps the user. */
function problemKey(code: number | null): MessageKey | null {
  switch (code) {
    case CloseCode.MessageTooBig:
      return 'status.problem.tooBig';
    case CloseCode.MalformedMessage:
    case CloseCode.Forbidden:
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

const ICONS = { online: '●', syncing: '↻', offline: '⚠', refused: '✕' } as const;

export function StatusBanner() {
  const t = useT();
  const { session, info } = useWallContext();
  const { status, pending, closeCode } = useStatus(session);

  let message: string;
  if (status === 'online') message = info.role === 'viewer' ? t('status.onlineViewer') : t('status.online');
  else if (status === 'syncing') message = t('status.syncing');
  else if (status === 'offline') message = pending > 0 ? t.plural('status.offlinePending', pending) : t('status.offline');
  else message = closeCode === CloseCode.WallNotFound ? t('status.refused.notFound') : t('status.refused.unauthorized');

  const problem = status === 'offline' || status === 'syncing' ? problemKey(closeCode) : null;

  return (
    <section
      class={`status status--${status}`}
      aria-label={t('status.label')}
      data-testid="status"
      data-status={status}
      data-pending={pending}
    >
      <div role="status">
        <span class="status__icon" aria-hidden="true">
          {ICONS[status]}
        </span>{' '}
        <span>{message}</span>
        {problem && <span class="status__problem"> {t(problem)}</span>}
      </div>
      {status === 'refused' && (
        <a class="button" href="/">
          {t('app.backHome')}
        </a>
      )}
    </section>
  );
}
