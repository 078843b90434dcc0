/**
 * The current task's mirror material on the projector, in a narrow column at the left of the
 * groups' columns: the room looks at it when a task starts, so it is set apart from the notes and
 * takes width, not height, from them (ten notes a column need the height). Nothing is drawn when
 * the task has none. A link cannot be clicked from the back of a room, so it comes as a QR code
 * and a short address to type. When the groups' notes would be cramped beside it, the column gives
 * up its width: the notes' fit (ProjectorColumns) marks it `data-crowded`, and it shows only a
 * slim labelled strip that opens the material large.
 */
import { Fragment } from 'preact';
import type { Ref } from 'preact';
import type { MirrorItem } from '../../shared/mirror';
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
// The wall's own labels for the kinds: the wall's code is in the main bundle already.
import { mirrorKindLabel } from './MirrorPanel';
import { ProjectorMirrorText } from './ProjectorMirrorText';
import { QrCode } from './QrCode';
import { shortAddress } from '../shortAddress';

/** Near the join code's 148: scannable from a few metres, and within the narrow column. */
const QR_PX = 144;

/** The address with line breaks allowed after its slashes, not inside its words. */
function breakable(address: string) {
  return address.split('/').map((part, i) => (
    <Fragment key={i}>
      {i > 0 && (
        <>
          /<wbr />
        </>
      )}
      {part}
    </Fragment>
  ));
}

function Item({ item, onShow }: { item: MirrorItem; onShow: (itemId: string) => void }) {
  const t = useT();
  const address = item.url ? shortAddress(item.url) : '';
  return (
    <li class={`projector-mirror__item mirror-item--${item.kind}`} data-mirror-id={item.id}>
      <p class="projector-mirror__kind">{mirrorKindLabel(t, item.kind)}</p>
      {/* key: another kind draws the text in another element, which must be measured anew. */}
      {item.text && <ProjectorMirrorText key={item.kind} item={item} onShowAll={() => onShow(item.id)} />}
      {item.url && (
        <div class="projector-mirror__link">
          <QrCode text={item.url} label={t('projector.mirror.qrLabel', { address })} size={QR_PX} />
          <a class="projector-mirror__address" href={item.url} target="_blank" rel="noopener noreferrer">
            {breakable(address)}
          </a>
        </div>
      )}
    </li>
  );
}

/**
 * Back from the large view, the keyboard goes to the button that opened it: an item's "whole
 * text", or the column's "show large"; or to whichever of those is on the screen now (the column
 * may have collapsed to its strip meanwhile, or the item been removed), else to the page.
 */
export function focusMirrorOpener(itemId: string | null): void {
  requestAnimationFrame(() => {
    const candidates = [
      itemId ? `[data-mirror-id="${CSS.escape(itemId)}"] .projector-mirror__more` : null,
      '.projector-mirror__show',
      '.projector-mirror__strip',
      '#main',
    ];
    for (const selector of candidates) {
      const el = selector ? document.querySelector<HTMLElement>(selector) : null;
      // A button hidden with its collapsed column has no boxes and cannot take the focus.
      if (el && el.getClientRects().length > 0) return el.focus();
    }
  });
}

export interface ProjectorMirrorProps {
  taskId: string;
  /** Opens the material large, at the given item or at the first. */
  onShow: (itemId: string | null) => void;
  /** The column's element, for the notes' fit to collapse when the notes need its width. */
  sectionRef?: Ref<HTMLElement>;
}

export function ProjectorMirror({ taskId, onShow, sectionRef }: ProjectorMirrorProps) {
  const t = useT();
  const { wall } = useWallContext();
  const items = useWall(wall, (w) => w.mirror.inTask(taskId));
  if (items.length === 0) return null;
  // Both forms are drawn and the stylesheet shows one: the fit switches between them within one
  // layout, without a render in between (see ProjectorColumns).
  return (
    <section ref={sectionRef} class="projector-mirror" aria-labelledby="projector-mirror-heading" data-testid="projector-mirror">
      <button type="button" class="button projector-mirror__strip" onClick={() => onShow(null)}>
        {t('projector.mirror.strip', { n: items.length })}
      </button>
      <h2 id="projector-mirror-heading" class="projector-mirror__heading">
        {t('process.mirror.heading')}
      </h2>
      <button type="button" class="button projector-mirror__show" onClick={() => onShow(null)}>
        {t('projector.mirror.show')}
      </button>
      {/* tabIndex: with more items than fit the row, the keyboard can scroll it too. */}
      <ul class="projector-mirror__items" tabIndex={0} aria-labelledby="projector-mirror-heading">
        {items.map((item) => (
          <Item key={item.id} item={item} onShow={onShow} />
        ))}
      </ul>
    </section>
  );
}
