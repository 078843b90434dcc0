/**
 * The mark on a note that was posted although it looked like personal data: a text label (not
 * colour alone), and for the facilitator a button that replaces the detected data.
 */
import type { Note } from '../../shared/wall';
import { announce } from '../announce';
import { useT } from '../i18n';
import { focusLater, noteSelector } from '../moves';
import { useWallContext } from '../views/wallContext';

export function PersonalDataFlag({ note, canRedact }: { note: Note; canRedact: boolean }) {
  const t = useT();
  const { wall } = useWallContext();
  const redact = () => {
    wall.redactNote(note.id, t('personalData.redacted'));
    announce(t('personalData.redactDone'));
    focusLater(noteSelector(note.id));
  };
  return (
    <div class="note__flag" data-testid="personal-data-flag">
      <p>
        <span aria-hidden="true">⚠ </span>
        <strong>{t('personalData.flag')}</strong>
      </p>
      {canRedact && (
        <button type="button" class="button button--small button--danger" onClick={redact}>
          {t('personalData.redact')}
        </button>
      )}
    </div>
  );
}
