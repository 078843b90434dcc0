/**
 * The current task's mirror material one item at a time, across the whole screen: for the moment
 * a task starts and the room looks at the material together. The column beside the notes clamps a
 * long story; here it is read in full, and a link's QR code is large enough to scan from the back
 * of the room. Keys as in the notes' slideshow: arrows, Page Up/Down, Escape back.
 */
import { useEffect } from 'preact/hooks';
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
import { mirrorKindLabel } from './MirrorPanel';
import { shortAddress } from '../shortAddress';
import { QrCode } from './QrCode';
import { SlideControls, SlideRegion, useSlides } from './slideNavigation';

const QR_PX = 300;
/** Longer texts get a smaller size, so that a whole interview quote fits without scrolling. */
const LONG_TEXT = 240;

/** `startId`: the item to open at (its whole text was asked for), else the first. */
export function ProjectorMirrorShow({ taskId, startId, onClose }: { taskId: string; startId: string | null; onClose: () => void }) {
  const t = useT();
  const { wall } = useWallContext();
  const items = useWall(wall, (w) => w.mirror.inTask(taskId));
  const total = items.length;
  const { at, go, region } = useSlides(total, onClose, Math.max(0, items.findIndex((i) => i.id === startId)));
  const item = items[at];

  // The last item removed on the wall: nothing left to show, back to the columns.
  useEffect(() => {
    if (total === 0) onClose();
  }, [total === 0]);

  const address = item?.url ? shortAddress(item.url) : '';
  const long = (item?.text.length ?? 0) > LONG_TEXT;
  return (
    <SlideRegion region={region} name="mirror-show" heading={t('process.mirror.heading')} keys={t('projector.mirror.showKeys')}>
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
      <SlideControls at={at} total={total} go={go} testId="mirror-position">
        <button type="button" class="button" onClick={onClose}>
          {t('projector.columns')}
        </button>
      </SlideControls>
    </SlideRegion>
  );
}
