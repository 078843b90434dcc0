/**
 * Shown before a note with what looks like personal data is posted or saved: names the kinds
 * found (never repeats the data itself) and lets the writer go back to edit or post anyway.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { PersonalDataKind } from '../../shared/personalData';
import { useT } from '../i18n';

interface Props {
  id: string;
  kinds: readonly PersonalDataKind[];
  /** "Save anyway" for an edit, "Post anyway" for a new note. */
  editing?: boolean;
  onEdit: () => void;
  onPostAnyway: () => void;
}

export function PersonalDataWarning({ id, kinds, editing, onEdit, onPostAnyway }: Props) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the warning so keyboard and screen reader users meet it first.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="personal-data-warning" id={id} role="group" aria-labelledby={`${id}-title`} data-testid="personal-data-warning">
      <h3 id={`${id}-title`} tabIndex={-1} ref={heading}>
        <span aria-hidden="true">⚠ </span>
        {t('personalData.warning.title')}
      </h3>
      <p>{t('personalData.warning.found')}</p>
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>{t(`personalData.kind.${kind}`)}</li>
        ))}
      </ul>
      <p>{t('personalData.warning.why')}</p>
      <div class="actions">
        <button type="button" class="button button--primary button--small" onClick={onEdit}>
          {t('personalData.warning.edit')}
        </button>
        <button type="button" class="button button--small" onClick={onPostAnyway}>
          {editing ? t('personalData.warning.saveAnyway') : t('personalData.warning.postAnyway')}
        </button>
      </div>
    </div>
  );
}
