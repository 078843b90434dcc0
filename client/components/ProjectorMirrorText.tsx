/**
 * A mirror item's text in the projector's narrow column: clamped at a few lines so that one long
 * story does not hide the rest of the material, and, when (and only when) the clamp cuts it, a
 * button that opens the item large to be read in full. A cut that nobody sees would let the room
 * discuss half a quote.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { MirrorItem } from '../../shared/mirror';
import { useT } from '../i18n';

/**
 * Whether the element's content is taller than its box. Measured, not guessed from the text's
 * length: how many lines a text takes depends on the column's width, the font and the screen.
 */
function useCut(text: string) {
  // One ref for whichever of the two elements the text is drawn in.
  const ref = useRef<HTMLQuoteElement & HTMLParagraphElement>(null);
  const [cut, setCut] = useState(false);
  const measure = () => {
    const el = ref.current;
    if (el) setCut(el.scrollHeight > el.clientHeight);
  };
  // A new text in the same box: the box keeps its size, so the observer below would not notice.
  useLayoutEffect(measure, [text]);
  // A new width (window resize, the column collapsed and shown again) changes where the lines break.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, cut };
}

export function ProjectorMirrorText({ item, onShowAll }: { item: MirrorItem; onShowAll: () => void }) {
  const t = useT();
  const { ref, cut } = useCut(item.text);
  return (
    <>
      {item.kind === 'quote' ? (
        <blockquote ref={ref} class="projector-mirror__text">
          {item.text}
        </blockquote>
      ) : (
        <p ref={ref} class="projector-mirror__text">
          {item.text}
        </p>
      )}
      {cut && (
        <button type="button" class="button button--small projector-mirror__more" onClick={onShowAll}>
          {t('projector.mirror.showAll')}
        </button>
      )}
    </>
  );
}
