/**
 * What the user can do after the server refused the connection: reload without the refused
 * change, or (the wall is gone) remove its copy from this device; and always, go home. When the
 * refused change left notes of theirs unsaved, a link takes them to the notes' text
 * (UnsavedNotes, which the reload keeps): the page may be scrolled far from it on a phone.
 */
import { useState } from 'preact/hooks';
import { CloseCode } from '../../shared/protocol';
import { announce } from '../announce';
import { useT } from '../i18n';
import { forgetWall } from '../storage';
import { useWallContext } from '../views/wallContext';

export function RefusedActions({ closeCode }: { closeCode: number | null }) {
  const t = useT();
  const { session, wallId } = useWallContext();
  const [forgotten, setForgotten] = useState(false);
  const gone = closeCode === CloseCode.WallDeleted || closeCode === CloseCode.WallNotFound;
  const changeRefused = closeCode === CloseCode.Forbidden || closeCode === CloseCode.WallFull;
  const unsaved = session.unsavedWork.notes.value.length;

  const reload = async () => {
    await session.discardLocalCopy();
    location.reload();
  };
  const forget = async () => {
    await session.discardLocalCopy();
    forgetWall(wallId);
    setForgotten(true);
    announce(t('status.forgotten'));
  };

  return (
    <div class="actions">
      {changeRefused && unsaved > 0 && (
        <a class="button" href="#unsaved-title">
          {t.plural('unsaved.show', unsaved)}
        </a>
      )}
      {changeRefused && (
        <button type="button" class="button button--primary" onClick={reload}>
          {t('status.reload')}
        </button>
      )}
      {gone && !forgotten && (
        <button type="button" class="button button--primary" onClick={forget}>
          {t('status.forgetLocal')}
        </button>
      )}
      {forgotten && <p>{t('status.forgotten')}</p>}
      <a class="button" href="/">
        {t('app.backHome')}
      </a>
    </div>
  );
}
