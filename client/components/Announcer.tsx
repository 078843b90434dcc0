import { announcement } from '../announce';
import { useT } from '../i18n';

/** The app's single polite live region; fed by announce(). */
export function Announcer() {
  const t = useT();
  return (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" aria-label={t('app.announcements')}>
      {announcement.value}
    </div>
  );
}
