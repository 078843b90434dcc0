import { useEffect } from 'preact/hooks';
import { AppHeader } from '../components/AppHeader';
import { useT } from '../i18n';

export function NotFoundView() {
  const t = useT();
  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('app.notFound.title') });
  }, [t]);
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} class="message-page">
        <h1>{t('app.notFound.title')}</h1>
        <p>{t('app.notFound.body')}</p>
        <p>
          <a class="button button--primary" href="/">
            {t('app.backHome')}
          </a>
        </p>
      </main>
    </>
  );
}
