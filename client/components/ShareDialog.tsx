/** Facilitator: the wall's links again, when this browser created the wall and so knows them. */
import { ROLES } from '../../shared/schemas';
import { useT } from '../i18n';
import { getKnownWall } from '../storage';
import { CopyLink } from './CopyLink';
import { Dialog } from './Dialog';

export function ShareDialog({ wallId, onClose }: { wallId: string; onClose: () => void }) {
  const t = useT();
  const links = getKnownWall(wallId)?.links;
  return (
    <Dialog labelledBy="share-title" onClose={onClose} class="dialog--wide">
      <h2 id="share-title">{t('share.heading')}</h2>
      {links ? (
        ROLES.map((role) => <CopyLink key={role} role={role} url={links[role]} />)
      ) : (
        <>
          <p>{t('share.unknown')}</p>
          <CopyLink role="facilitator" url={location.href} />
        </>
      )}
      <div class="dialog-actions">
        <button type="button" class="button" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
    </Dialog>
  );
}
