import type { ComponentChildren } from 'preact';
import { useT } from '../i18n';
import { LanguageSwitcher } from './LanguageSwitcher';

/**
 * The banner on every page: skip links (to the content, and on a wall to the user's own group),
 * home link, page-specific tools, language.
 */
export function AppHeader({ children, ownGroupHeadingId }: { children?: ComponentChildren; ownGroupHeadingId?: string | null }) {
  const t = useT();
  return (
    <header class="app-header">
      <a class="skip-link" href="#main">
        {t('app.skipToMain')}
      </a>
      {ownGroupHeadingId && (
        <a class="skip-link" href={`#${ownGroupHeadingId}`}>
          {t('wall.skipToOwnGroup')}
        </a>
      )}
      <a class="brand" href="/" aria-label={t('app.homeLink')}>
        <img src="/icon.svg" alt="" width={32} height={32} />
        <span>{t('app.name')}</span>
      </a>
      {children}
      <LanguageSwitcher />
    </header>
  );
}
