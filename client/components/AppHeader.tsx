import type { ComponentChildren } from 'preact';
import { useT } from '../i18n';
import { LanguageSwitcher } from './LanguageSwitcher';

/** The banner on every page: skip link, home link, page-specific tools, language. */
export function AppHeader({ children }: { children?: ComponentChildren }) {
  const t = useT();
  return (
    <header class="app-header">
      <a class="skip-link" href="#main">
        {t('app.skipToMain')}
      </a>
      <a class="brand" href="/" aria-label={t('app.homeLink')}>
        <img src="/icon.svg" alt="" width={32} height={32} />
        <span>{t('app.name')}</span>
      </a>
      {children}
      <LanguageSwitcher />
    </header>
  );
}
