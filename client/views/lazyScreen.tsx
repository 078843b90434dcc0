/**
 * Screens most people never open (projector, review, report) load on demand, so a participant's
 * first visit downloads only the wall. While one loads, the page says so.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n';

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyScreen(props: P) {
    const t = useT();
    const [Screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Screen) return;
      let live = true;
      load().then(
        (c) => {
          loaded = c;
          if (live) setScreen(() => c);
        },
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (Screen) return <Screen {...props} />;
    return (
      <main id="main" tabIndex={-1} class="message-page" aria-busy={!failed}>
        <p class={failed ? 'notice' : 'loading'} role={failed ? 'alert' : undefined}>
          {failed ? t('wallPage.error.offline.body') : t('wallPage.loading')}
        </p>
      </main>
    );
  };
}
