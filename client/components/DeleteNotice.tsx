/** "This wall will be deleted on {date}", in the reader's language's date format. */
import { formatDate } from '../format';
import { useT } from '../i18n';

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
