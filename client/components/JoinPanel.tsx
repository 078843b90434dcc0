/**
 * The projector's join panel: a QR code for the participant link and a short address
 * ("<host>/j/K7Q-4PX") that the server redirects to it. The participant link is only known in
 * the browser that created the wall; elsewhere the panel says how to get one.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { JoinCodeResponse, Token } from '../../shared/schemas';
import { useT } from '../i18n';
import { getKnownWall } from '../storage';
import { useWallContext } from '../views/wallContext';
import { QrCode } from './QrCode';

/** The participant link as a URL whose fragment is a well-formed token, or null. */
function participantLink(wallId: string): { href: string; token: string } | null {
  const raw = getKnownWall(wallId)?.links?.participant;
  if (!raw) return null;
  try {
    const url = new URL(raw, location.origin);
    const token = url.hash.slice(1);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !Token.safeParse(token).success) return null;
    return { href: url.href, token };
  } catch {
    return null;
  }
}

async function fetchJoinCode(wallId: string, facilitatorToken: string, participantToken: string): Promise<string> {
  const res = await fetch(`/api/walls/${encodeURIComponent(wallId)}/join-code`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${facilitatorToken}` },
    body: JSON.stringify({ participantToken }),
    signal: AbortSignal.timeout(20_000),
  });
  if (!res.ok) throw new Error(`join code: ${res.status}`);
  return JoinCodeResponse.parse(await res.json()).code;
}

type CodeState = { kind: 'loading' } | { kind: 'ready'; code: string } | { kind: 'failed' };

export function JoinPanel({ qrSize }: { qrSize: number }) {
  const t = useT();
  const { wallId, token, info } = useWallContext();
  const link = useMemo(() => participantLink(wallId), [wallId]);
  // Only the facilitator may ask for a short code; a viewer's projector shows the QR code alone.
  const canShorten = info.role === 'facilitator' && !!link;
  const [code, setCode] = useState<CodeState>({ kind: 'loading' });

  useEffect(() => {
    if (!canShorten || !link) return;
    let live = true;
    fetchJoinCode(wallId, token, link.token)
      .then((c) => live && setCode({ kind: 'ready', code: c }))
      .catch(() => live && setCode({ kind: 'failed' }));
    return () => {
      live = false;
    };
  }, [wallId, token, link?.token, canShorten]);

  return (
    <section class="join-panel" aria-labelledby="join-heading">
      <h2 id="join-heading">{t('projector.join.heading')}</h2>
      {link ? (
        <div class="join-panel__body">
          <QrCode text={link.href} label={t('projector.join.qrLabel')} size={qrSize} />
          {canShorten && (
            <div class="join-panel__address">
              {code.kind === 'ready' ? (
                <>
                  <span>{t('projector.join.address')}</span>
                  <a class="join-panel__code" href={`/j/${code.code}`} target="_blank" rel="noopener noreferrer" data-testid="join-address">
                    {`${location.host}/j/${code.code}`}
                  </a>
                </>
              ) : (
                <p class="hint" role="status">
                  {code.kind === 'loading' ? t('projector.join.codeLoading') : t('projector.join.codeFailed')}
                </p>
              )}
            </div>
          )}
        </div>
      ) : (
        <p class="join-panel__unknown">{t('projector.join.unknown')}</p>
      )}
    </section>
  );
}
