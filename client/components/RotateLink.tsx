/** "Create a new link" for one role, after a confirmation that the old link stops working. */
import { useState } from 'preact/hooks';
import { rotateLink } from '../api';
import { apiErrorMessage } from '../apiMessage';
import { announce } from '../announce';
import { useT } from '../i18n';
import { useWallContext } from '../views/wallContext';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  role: 'participant' | 'viewer';
  onReplaced: (link: string) => void;
}

export function RotateLink({ role, onReplaced }: Props) {
  const t = useT();
  const { wallId, token } = useWallContext();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const rotate = async () => {
    setAsking(false);
    setBusy(true);
    setError(null);
    try {
      const { link } = await rotateLink(wallId, token, role);
      onReplaced(link);
      announce(t('share.rotated'));
    } catch (err) {
      setError(apiErrorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="rotate">
      {/* aria-disabled, not disabled: the focus comes back here from the confirmation while busy, and a disabled button would drop it to the page. */}
      <button type="button" class="button button--small" aria-disabled={busy || undefined} onClick={() => !busy && setAsking(true)}>
        {t(`share.rotate.${role}`)}
      </button>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {asking && (
        <ConfirmDialog
          title={t('share.rotateConfirm.title')}
          confirmLabel={t('share.rotateConfirm.confirm')}
          onConfirm={rotate}
          onCancel={() => setAsking(false)}
        >
          <p>{t('share.rotateConfirm.body')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
