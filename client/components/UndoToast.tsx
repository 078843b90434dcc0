/**
 * "Deleted. Undo" after a deletion by this user. Stays while the pointer or focus is on it, so
 * slower users are not raced by the timer.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';
import { stackToast } from './toastStack';

export interface UndoOffer {
  id: number;
  message: string;
  undo: () => void;
}

const VISIBLE_MS = 12_000;

/**
 * The toast's buttons go away with it. Unless the undo put the focus on what came back, the
 * focus goes to the region around the toast (the wall's <main>) instead of being lost.
 */
function keepFocusNear(toast: HTMLElement | null): void {
  const region = toast?.closest<HTMLElement>('main, [tabindex="-1"]');
  requestAnimationFrame(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost && region?.isConnected) region.focus();
  });
}

export function UndoToast({ offer, onDone }: { offer: UndoOffer | null; onDone: () => void }) {
  const t = useT();
  const [paused, setPaused] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!offer || paused) return;
    const timer = setTimeout(onDone, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [offer?.id, paused]);

  const shown = offer !== null;
  useLayoutEffect(() => (shown && ref.current ? stackToast(ref.current) : undefined), [shown]);

  if (!offer) return null;
  return (
    <div
      ref={ref}
      class="toast"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocusIn={() => setPaused(true)}
      onFocusOut={(e) => {
        if (!ref.current?.contains(e.relatedTarget as Node | null)) setPaused(false);
      }}
    >
      <p>{offer.message}</p>
      <button
        type="button"
        class="button button--primary"
        onClick={() => {
          offer.undo();
          // After the undo's own focus move (both wait for the next frame), as a fallback.
          keepFocusNear(ref.current);
          onDone();
        }}
      >
        {t('undo.button')}
      </button>
      <button
        type="button"
        class="button button--quiet"
        aria-label={t('undo.dismiss')}
        onClick={() => {
          keepFocusNear(ref.current);
          onDone();
        }}
      >
        ×
      </button>
    </div>
  );
}
