/**
 * Facilitator: the wall's links (each participant and viewer link can be replaced by a new
 * one), links for single groups, the deletion date, and deleting the wall.
 */
import { useState } from 'preact/hooks';
import type { Role } from '../../shared/schemas';
import { useT } from '../i18n';
import { getKnownWall, updateKnownLinks } from '../storage';
import { useWallContext } from '../views/wallContext';
import { CopyLink } from './CopyLink';
import { DeleteWallSection } from './DeleteWallSection';
import { Dialog } from './Dialog';
import { GroupLinks } from './GroupLinks';
import { RetentionForm } from './RetentionForm';
import { RotateLink } from './RotateLink';

type Links = Partial<Record<Role, string>>;

export function ShareDialog({ wallId, onClose }: { wallId: string; onClose: () => void }) {
  const t = useT();
  const { info } = useWallContext();
  const [links, setLinks] = useState<Links>(() => getKnownWall(wallId)?.links ?? { facilitator: location.href });
  const known = !!getKnownWall(wallId)?.links;

  const replaced = (role: 'participant' | 'viewer', link: string) => {
    setLinks((old) => ({ ...old, [role]: link }));
    updateKnownLinks(wallId, (w) => ({
      links: { facilitator: w.links?.facilitator ?? w.link, participant: '', viewer: '', ...w.links, [role]: link },
    }));
  };

  return (
    <Dialog labelledBy="share-title" onClose={onClose} class="dialog--wide">
      <h2 id="share-title">{t('share.heading')}</h2>
      {!known && <p>{t('share.unknown')}</p>}
      {links.facilitator && <CopyLink role="facilitator" url={links.facilitator} />}
      {(['participant', 'viewer'] as const).map((role) => (
        <div key={role} class="share-role">
          {links[role] && <CopyLink role={role} url={links[role]} />}
          <RotateLink role={role} onReplaced={(link) => replaced(role, link)} />
        </div>
      ))}
      <GroupLinks wallId={wallId} />
      <RetentionForm initial={info.deleteAt ?? null} />
      <DeleteWallSection />
      <div class="dialog-actions">
        <button type="button" class="button" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
    </Dialog>
  );
}
