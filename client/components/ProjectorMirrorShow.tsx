/**
 * The current task's mirror material one item at a time, across the whole screen: for the moment
 * a task starts and the room looks at the material together. The column beside the notes clamps a
 * long story; here it is read in full, and a link's QR code is large enough to scan from the back
 * of the room. Keys as in the notes' slideshow: arrows, Page Up/Down, Escape back.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
import { mirrorKindLabel } from './MirrorPanel';
import { shortAddress } from '../shortAddress';
import { QrCode } from './QrCode';

const QR_PX = 300;
/** Longer texts get a smaller size, so that a whole interview quote fits without scrolling. */
const LONG_TEXT = 240;

export function ProjectorMirrorShow({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const t = useT();
  const { wall } = useWallContext();
  const items = useWall(wall, (w) => w.mirror.inTask(taskId));
  const [index, setIndex] = useState(0);
  const region = useRef<HTMLElement>(null);
  const total = items.length;
  // Items may be removed while showing: stay within the list.
  const at = Math.min(index, Math.max(0, total - 1));
  const item = items[at];
  const go = (step: number) => setIndex((i) => Math.max(0, Math.min(total - 1, Math.min(i, total - 1) + step)));

  useEffect(() => {
    region.current?.focus();
  }, []);
  // The last item removed on the wall: nothing left to show, back to the columns.
  useEffect(() => {
    if (total === 0) onClose();
  }, [total === 0]);

  // One window listener for the show's life that calls the latest handler (see Slideshow).
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

  const address = item?.url ? shortAddress(item.url) : '';
  const long = (item?.text.length ?? 0) > LONG_TEXT;
  return (
    <section ref={region} class="slideshow" tabIndex={-1} aria-labelledby="mirror-show-heading" aria-describedby="mirror-show-keys">
      <h2 id="mirror-show-heading" class="sr-only">
        {t('process.mirror.heading')}
      </h2>
      <p id="mirror-show-keys" class="sr-only">
        {t('projector.mirror.showKeys')}
      </p>
      {item && (
        <div
          class={`mirror-show mirror-item--${item.kind}${long ? ' mirror-show--long' : ''}`}
          aria-live="polite"
          data-mirror-id={item.id}
        >
          <div class="mirror-show__body">
            <p class="slideshow__group">{mirrorKindLabel(t, item.kind)}</p>
            {item.text &&
              (item.kind === 'quote' ? (
                <blockquote class="mirror-show__text">{item.text}</blockquote>
              ) : (
                <p class="mirror-show__text">{item.text}</p>
              ))}
          </div>
          {item.url && (
            <div class="mirror-show__link">
              <QrCode text={item.url} label={t('projector.mirror.qrLabel', { address })} size={QR_PX} />
              <a class="mirror-show__address" href={item.url} target="_blank" rel="noopener noreferrer">
                {address}
              </a>
            </div>
          )}
        </div>
      )}
      <div class="slideshow__controls">
        {/* aria-disabled, not disabled: a button that disables itself under the keyboard would drop the focus to the page. */}
        <button type="button" class="button" aria-disabled={at === 0} onClick={() => go(-1)}>
          {t('projector.previous')}
        </button>
        <span class="slideshow__position" data-testid="mirror-position">
          {t('projector.slidePosition', { position: total === 0 ? 0 : at + 1, total })}
        </span>
        <button type="button" class="button" aria-disabled={at >= total - 1} onClick={() => go(1)}>
          {t('projector.next')}
        </button>
        <button type="button" class="button" onClick={onClose}>
          {t('projector.columns')}
        </button>
      </div>
    </section>
  );
}
