/**
 * Links for single groups: whoever opens one writes only in that group. Created (or renewed,
 * which stops the old one) per group; remembered on this device like the other links.
 */
import { useState } from 'preact/hooks';
import { createGroupLink } from '../api';
import { apiErrorMessage } from '../apiMessage';
import { announce } from '../announce';
import { useT } from '../i18n';
import { getKnownWall, updateKnownLinks } from '../storage';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
import { ConfirmDialog } from './ConfirmDialog';
import { copyText } from './CopyLink';

export function GroupLinks({ wallId }: { wallId: string }) {
  const t = useT();
  const { wall, token } = useWallContext();
  const groups = useWall(wall, (w) => w.groups());
  const [links, setLinks] = useState<Record<string, string>>(() => getKnownWall(wallId)?.groupLinks ?? {});
  const [renewing, setRenewing] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ groupId: string; message: string } | null>(null);

  const create = async (groupId: string, name: string) => {
    setRenewing(null);
    setBusy(groupId);
    setError(null);
    try {
      const { link } = await createGroupLink(wallId, token, groupId);
      setLinks((old) => ({ ...old, [groupId]: link }));
      updateKnownLinks(wallId, (w) => ({ groupLinks: { ...w.groupLinks, [groupId]: link } }));
      announce(t('share.groupCreated', { name }));
    } catch (err) {
      setError({ groupId, message: apiErrorMessage(t, err) });
    } finally {
      setBusy(null);
    }
  };

  const copy = async (groupId: string, name: string) => {
    const input = document.getElementById(`group-link-${groupId}`) as HTMLInputElement | null;
    const ok = await copyText(links[groupId] ?? '', input);
    announce(ok ? t('share.groupCopied', { name }) : t('links.copyFailed'));
  };

  const renewingGroup = groups.find((g) => g.id === renewing);

  return (
    <section class="share-section" aria-labelledby="group-links-title">
      <h3 id="group-links-title">{t('share.groupsHeading')}</h3>
      <p>{t('share.groupsIntro')}</p>
      <ul class="group-links">
        {groups.map((g) => {
          const link = links[g.id];
          const id = `group-link-${g.id}`;
          return (
            <li key={g.id} class="link-row group-link" data-group-link={g.name}>
              {link ? (
                <>
                  <label for={id}>{t('share.groupLink', { name: g.name })}</label>
                  <input id={id} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
                </>
              ) : (
                <p class="hint">
                  <strong>{g.name}</strong>: {t('share.groupNoLink')}
                </p>
              )}
              {link && (
                <button type="button" class="button button--small button--primary" onClick={() => copy(g.id, g.name)}>
                  {t('share.groupCopy', { name: g.name })}
                </button>
              )}
              {/* aria-disabled, not disabled: a button that disables itself under the keyboard would drop the focus to the page. */}
              <button
                type="button"
                class="button button--small"
                aria-disabled={busy === g.id || undefined}
                onClick={() => busy !== g.id && (link ? setRenewing(g.id) : create(g.id, g.name))}
              >
                {link ? t('share.groupRenew', { name: g.name }) : t('share.groupCreate', { name: g.name })}
              </button>
              {error?.groupId === g.id && (
                <p class="form-error" role="alert">
                  {error.message}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {renewingGroup && (
        <ConfirmDialog
          title={t('share.rotateConfirm.title')}
          confirmLabel={t('share.rotateConfirm.confirm')}
          onConfirm={() => create(renewingGroup.id, renewingGroup.name)}
          onCancel={() => setRenewing(null)}
        >
          <p>{t('share.rotateConfirm.body')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
