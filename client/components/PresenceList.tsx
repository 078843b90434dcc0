/** Who is on the wall right now, by group. Open by default on wide screens, folded on phones. */
import { useState } from 'preact/hooks';
import type { Group } from '../../shared/wall';
import { useT, type Translator } from '../i18n';
import type { Peer } from '../sync/hooks';

export function peerName(t: Translator, peer: Peer): string {
  if (peer.isSelf) return peer.user.name ? t('presence.youNamed', { name: peer.user.name }) : t('presence.youAnonymous');
  return peer.user.name ?? t('presence.anonymous');
}

export function PeerChip({ peer }: { peer: Peer }) {
  const t = useT();
  const role = peer.user.role;
  return (
    <li class="peer">
      <span class="peer__dot" style={{ background: peer.user.color }} aria-hidden="true" />
      <span>{peerName(t, peer)}</span>
      {role !== 'participant' && <span class="peer__role">{t(`role.${role}`)}</span>}
    </li>
  );
}

export function PresenceList({ peers, groups }: { peers: Peer[]; groups: Group[] }) {
  const t = useT();
  const [open, setOpen] = useState(() => matchMedia('(min-width: 60em)').matches);
  const known = new Set(groups.map((g) => g.id));
  const rows: { id: string; label: string; peers: Peer[] }[] = groups.map((g) => ({
    id: g.id,
    label: g.name,
    peers: peers.filter((p) => p.user.groupId === g.id),
  }));
  rows.push({
    id: '',
    label: t('presence.noGroup'),
    peers: peers.filter((p) => !p.user.groupId || !known.has(p.user.groupId)),
  });

  return (
    <details class="presence" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.plural('presence.heading', peers.length)}</summary>
      <dl class="presence__groups">
        {rows
          .filter((row) => row.peers.length > 0)
          .map((row) => (
            <div key={row.id} class="presence__row">
              <dt>{row.label}</dt>
              <dd>
                <ul class="peers">
                  {row.peers.map((p) => (
                    <PeerChip key={p.clientId} peer={p} />
                  ))}
                </ul>
              </dd>
            </div>
          ))}
      </dl>
    </details>
  );
}
