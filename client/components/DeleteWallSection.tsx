/**
 * The danger zone: deleting the wall for good. The confirmation names what is lost and asks for
 * the wall's title, so it cannot happen by a slip of the finger.
 */
import { useState } from 'preact/hooks';
import { deleteWall } from '../api';
import { apiErrorMessage } from '../apiMessage';
import { useT } from '../i18n';
import { forgetWall } from '../storage';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
import { Dialog } from './Dialog';

/** Read once by the home page after a deletion, to say it happened. */
export const DELETED_FLASH_KEY = 'pajaseina:flash:wallDeleted';

export function DeleteWallSection() {
  const t = useT();
  const [asking, setAsking] = useState(false);
  return (
    <section class="share-section share-section--danger" aria-labelledby="delete-wall-title">
      <h3 id="delete-wall-title">{t('share.deleteHeading')}</h3>
      <p>{t('share.deleteIntro')}</p>
      <button type="button" class="button button--danger" onClick={() => setAsking(true)}>
        {t('share.delete')}
      </button>
      {asking && <DeleteWallDialog onCancel={() => setAsking(false)} />}
    </section>
  );
}

function DeleteWallDialog({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const { wall, info, wallId, token, session } = useWallContext();
  const title = useWall(wall, (w) => w.getMeta().title) || info.title;
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async (e: Event) => {
    e.preventDefault();
    if (typed.trim() !== title.trim()) return setError(t('deleteWall.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await deleteWall(wallId, token);
    } catch (err) {
      setBusy(false);
      return setError(apiErrorMessage(t, err));
    }
    await session.discardLocalCopy();
    forgetWall(wallId);
    try {
      sessionStorage.setItem(DELETED_FLASH_KEY, '1');
    } catch {
      /* the home page just won't say it */
    }
    location.assign('/');
  };

  return (
    <Dialog labelledBy="delete-title" describedBy="delete-body" onClose={onCancel}>
      <h2 id="delete-title">{t('deleteWall.title', { title })}</h2>
      <div id="delete-body">
        <p>{t('deleteWall.body')}</p>
        <p>{t('deleteWall.bodyDevices')}</p>
      </div>
      <form onSubmit={confirm} noValidate>
        <div class="field">
          <label for="delete-confirm-title">{t('deleteWall.typeLabel', { title })}</label>
          <input
            id="delete-confirm-title"
            type="text"
            autoComplete="off"
            value={typed}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'delete-error' : undefined}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        </div>
        {error && (
          <p id="delete-error" class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" class="button" autoFocus onClick={onCancel}>
            {t('app.cancel')}
          </button>
          <button type="submit" class="button button--danger" disabled={busy}>
            {busy ? t('deleteWall.working') : t('deleteWall.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
