/**
 * Stepping through a list one item at a time on the projector (the notes' slideshow, the mirror
 * material shown large): the position, the arrow and Page keys, Escape back, the region as screen
 * readers hear it, and the previous / "3 / 24" / next controls. The position is this screen's own
 * state (what the presenter is showing), not wall content.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';

/** `start`: the position to open at; later changes to it are ignored, the presenter steps from there. */
export function useSlides(total: number, onClose: () => void, start = 0) {
  const [index, setIndex] = useState(start);
  const region = useRef<HTMLElement>(null);
  // Items may be removed while showing: stay within the list.
  const at = Math.min(index, Math.max(0, total - 1));
  // Functional update: two key presses before a re-render must both count.
  const go = (step: number) => setIndex((i) => Math.max(0, Math.min(total - 1, Math.min(i, total - 1) + step)));

  useEffect(() => {
    region.current?.focus();
  }, []);

  // One window listener for the show's life, attached as it is drawn, that calls the latest
  // handler: a listener re-attached in an effect after every render (effects wait for the next
  // frame) missed the first keys after opening and a key pressed right after another.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  onKey.current = (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') go(1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
    else if (e.key === 'Escape') onClose();
    else return;
    e.preventDefault();
  };
  useLayoutEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    addEventListener('keydown', listener);
    return () => removeEventListener('keydown', listener);
  }, []);

  return { at, go, region };
}

/**
 * The show's region: focused when it opens (useSlides' `region`), named by a heading and described
 * by its keys, both for screen readers only (the room sees the item). Ids are `${name}-heading`
 * and `${name}-keys`.
 */
export function SlideRegion({ region, name, heading, keys, children }: { region: RefObject<HTMLElement>; name: string; heading: string; keys: string; children: ComponentChildren }) {
  return (
    <section ref={region} class="slideshow" tabIndex={-1} aria-labelledby={`${name}-heading`} aria-describedby={`${name}-keys`}>
      <h2 id={`${name}-heading`} class="sr-only">
        {heading}
      </h2>
      <p id={`${name}-keys`} class="sr-only">
        {keys}
      </p>
      {children}
    </section>
  );
}

export function SlideControls({ at, total, go, testId, children }: { at: number; total: number; go: (step: number) => void; testId: string; children?: ComponentChildren }) {
  const t = useT();
  return (
    <div class="slideshow__controls">
      {/* aria-disabled, not disabled: a button that disables itself under the keyboard would drop the focus to the page. */}
      <button type="button" class="button" aria-disabled={at === 0} onClick={() => go(-1)}>
        {t('projector.previous')}
      </button>
      <span class="slideshow__position" data-testid={testId}>
        {t('projector.slidePosition', { position: total === 0 ? 0 : at + 1, total })}
      </span>
      <button type="button" class="button" aria-disabled={at >= total - 1} onClick={() => go(1)}>
        {t('projector.next')}
      </button>
      {children}
    </div>
  );
}
