/** The optional date on which the server deletes the wall; participants see it on the wall. */
import { useState } from 'preact/hooks';
import { setRetention } from '../api';
import { apiErrorMessage } from '../apiMessage';
import { announce } from '../announce';
import { useT } from '../i18n';
import { useWallContext } from '../views/wallContext';
import { formatDate } from '../format';

/** yyyy-mm-dd in local time, the value format of <input type="date">. */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function RetentionForm({ initial }: { initial: string | null }) {
  const t = useT();
  const { wallId, token } = useWallContext();
  const [saved, setSaved] = useState<string | null>(initial);
  const [value, setValue] = useState(() => (initial ? localDay(new Date(initial)) : ''));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tomorrow = localDay(new Date(Date.now() + 86_400_000));

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (value && value < tomorrow) return setError(t('share.retentionPast'));
    setBusy(true);
    setError(null);
    try {
      // The end of the chosen day, local time: "deleted on the 5th" keeps the wall through the 5th.
      const deleteAt = value ? new Date(`${value}T23:59:00`).toISOString() : null;
      const answer = await setRetention(wallId, token, deleteAt);
      setSaved(answer.deleteAt);
      announce(answer.deleteAt ? t('share.retentionSaved') : t('share.retentionCleared'));
    } catch (err) {
      setError(apiErrorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  const savedDate = saved ? formatDate(saved, t.language) || null : null;

  return (
    <section class="share-section" aria-labelledby="retention-title">
      <h3 id="retention-title">{t('share.retentionHeading')}</h3>
      <p data-testid="retention-current">{savedDate ? t('wall.deleteNotice', { date: savedDate }) : t('share.retentionCleared')}</p>
      <form onSubmit={save} noValidate class="field">
        <label for="retention-date">{t('share.retentionLabel')}</label>
        <p id="retention-hint" class="hint">
          {t('share.retentionHint')}
        </p>
        <input
          id="retention-date"
          type="date"
          min={tomorrow}
          value={value}
          aria-describedby={error ? 'retention-hint retention-error' : 'retention-hint'}
          aria-invalid={error ? true : undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        {error && (
          <p id="retention-error" class="form-error" role="alert">
            {error}
          </p>
        )}
        {/* aria-disabled, not disabled: disabling the pressed button would drop the focus to the page. */}
        <button type="submit" class="button button--small" aria-disabled={busy || undefined}>
          {t('share.retentionSave')}
        </button>
      </form>
    </section>
  );
}
