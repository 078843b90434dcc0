/** The facilitator's way to the projector screen: same wall, same link, in a new tab. */
import { useT } from '../i18n';
import { useWallContext } from '../views/wallContext';

export function ProjectorLink() {
  const t = useT();
  const { wallId, token, info } = useWallContext();
  if (info.role !== 'facilitator') return null;
  return (
    <a
      class="button button--small"
      href={`/w/${encodeURIComponent(wallId)}/projector#${token}`}
      target="_blank"
      rel="noopener"
    >
      {t('projector.link')}
      <span class="sr-only">
        {t('projector.linkHint')}
      </span>
    </a>
  );
}
