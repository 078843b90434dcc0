/**
 * The current task's mirror material on the projector, in a narrow column at the left of the
 * groups' columns: the room looks at it when a task starts, so it is set apart from the notes and
 * takes width, not height, from them (ten notes a column need the height). Nothing is drawn when
 * the task has none. A link cannot be clicked from the back of a room, so it comes as a QR code
 * and a short address to type.
 */
import { Fragment } from 'preact';
import type { MirrorItem } from '../../shared/mirror';
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
// The wall's own labels for the kinds: the wall's code is in the main bundle already.
import { mirrorKindLabel } from './MirrorPanel';
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

function Item({ item }: { item: MirrorItem }) {
  const t = useT();
  const address = item.url ? shortAddress(item.url) : '';
  return (
    <li class={`projector-mirror__item mirror-item--${item.kind}`} data-mirror-id={item.id}>
      <p class="projector-mirror__kind">{mirrorKindLabel(t, item.kind)}</p>
      {item.text &&
        (item.kind === 'quote' ? (
          <blockquote class="projector-mirror__text">{item.text}</blockquote>
        ) : (
          <p class="projector-mirror__text">{item.text}</p>
        ))}
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

/** The button that opens the material large: the keyboard comes back to it. */
export const SHOW_BUTTON = '[data-focus="mirror-show"]';

export function ProjectorMirror({ taskId, onShow }: { taskId: string; onShow: () => void }) {
  const t = useT();
  const { wall } = useWallContext();
  const items = useWall(wall, (w) => w.mirror.inTask(taskId));
  if (items.length === 0) return null;
  return (
    <section class="projector-mirror" aria-labelledby="projector-mirror-heading" data-testid="projector-mirror">
      <h2 id="projector-mirror-heading" class="projector-mirror__heading">
        {t('process.mirror.heading')}
      </h2>
      <button type="button" class="button projector-mirror__show" data-focus="mirror-show" onClick={onShow}>
        {t('projector.mirror.show')}
      </button>
      {/* tabIndex: with more items than fit the row, the keyboard can scroll it too. */}
      <ul class="projector-mirror__items" tabIndex={0} aria-labelledby="projector-mirror-heading">
        {items.map((item) => (
          <Item key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}
