/** "This wall will be deleted on {date}", in the reader's language's date format. */
import { useT } from '../i18n';

const LOCALES = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' } as const;

export function formatDate(iso: string, language: keyof typeof LOCALES): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export function DeleteNotice({ deleteAt }: { deleteAt: string }) {
  const t = useT();
  const date = formatDate(deleteAt, t.language);
  if (!date) return null;
  return (
    <p class="notice" data-testid="delete-notice">
      {t('wall.deleteNotice', { date })}
    </p>
  );
}
