/** The facilitator's form for one piece of mirror material: kind, text and an optional link. */
import { useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import { safeUrl, type MirrorItem } from '../../shared/mirror';
import { MIRROR_KINDS, type MirrorKind } from '../../shared/schemas';
import { useT } from '../i18n';
import { mirrorKindLabel } from './MirrorPanel';

interface Props {
  /** Editing this item; a new one when absent. */
  item?: MirrorItem;
  idPrefix: string;
  onSave: (value: { kind: MirrorKind; text: string; url: string }) => void;
  onCancel?: () => void;
}

export function MirrorForm({ item, idPrefix, onSave, onCancel }: Props) {
  const t = useT();
  const [kind, setKind] = useState<MirrorKind>(item?.kind ?? 'quote');
  const [text, setText] = useState(item?.text ?? '');
  const [url, setUrl] = useState(item?.url ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: Event) => {
    e.preventDefault();
    if (url.trim() && !safeUrl(url)) return setError(t('process.mirror.badUrl'));
    if (!text.trim() && !url.trim()) return setError(t('process.mirror.empty'));
    setError(null);
    onSave({ kind, text: text.trim(), url: url.trim() });
    if (!item) {
      setText('');
      setUrl('');
    }
  };

  return (
    <form
      class="mirror-form"
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => {
        // Esc cancels, as in the note editor and the experiment form.
        if (e.key === 'Escape' && onCancel) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label for={`${idPrefix}-kind`}>{t('process.mirror.kindLabel')}</label>
      <select id={`${idPrefix}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as MirrorKind)}>
        {MIRROR_KINDS.map((k) => (
          <option key={k} value={k}>
            {mirrorKindLabel(t, k)}
          </option>
        ))}
      </select>
      <label for={`${idPrefix}-text`}>{t('process.mirror.textLabel')}</label>
      <textarea
        id={`${idPrefix}-text`}
        rows={3}
        maxLength={LIMITS.mirrorTextMax}
        value={text}
        aria-describedby={error ? `${idPrefix}-error` : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <label for={`${idPrefix}-url`}>{t('process.mirror.urlLabel')}</label>
      <input id={`${idPrefix}-url`} type="url" inputMode="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      {error && (
        <p id={`${idPrefix}-error`} class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button button--primary">
          {item ? t('app.save') : t('process.mirror.add')}
        </button>
        {onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            {t('app.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
