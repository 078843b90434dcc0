/**
 * Code most people never run loads on demand, so a participant's first visit downloads only the
 * wall: whole screens (projector, review, report, the home page) and the facilitator's tools
 * inside the wall (process editor, share dialog). While one loads, the page says so.
 */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n';

export interface LazyComponent<P> extends FunctionComponent<P> {
  /** Starts loading now (e.g. the facilitator's tools once the wall shows), so a click finds it ready. */
  preload(): void;
}

function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Placeholder: ComponentType<{ failed: boolean }>,
): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const start = () => {
    pending ??= load().then(
      (c) => (loaded = c),
      (err: unknown) => {
        pending = null; // offline: the next attempt tries again
        throw err;
      },
    );
    return pending;
  };
  function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Loaded) return;
      let live = true;
      start().then(
        (c) => live && setLoaded(() => c),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    return Loaded ? <Loaded {...props} /> : <Placeholder failed={failed} />;
  }
  Lazy.preload = () => void start().catch(() => undefined);
  return Lazy;
}

function ScreenPlaceholder({ failed }: { failed: boolean }) {
  const t = useT();
  return (
    <main id="main" tabIndex={-1} class="message-page" aria-busy={!failed}>
      <p class={failed ? 'notice' : 'loading'} role={failed ? 'alert' : undefined}>
        {failed ? t('wallPage.error.offline.body') : t('wallPage.loading')}
      </p>
    </main>
  );
}

function PartPlaceholder({ failed }: { failed: boolean }) {
  const t = useT();
  return (
    <p class={failed ? 'notice' : 'loading'} role={failed ? 'alert' : 'status'}>
      {failed ? t('app.loadFailed') : t('app.loadingPart')}
    </p>
  );
}

/** A whole screen: its placeholder is the page's main landmark. */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  return lazyComponent(load, ScreenPlaceholder);
}

/** A part of a page: its placeholder is one line where the part will be. */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  return lazyComponent(load, PartPlaceholder);
}
