/**
 * `/w/:id#token`: finds out who we are on this wall (the server's answer, or the cached one
 * when offline), waits for the IndexedDB copy, then shows the join view or the wall. The session
 * (WebSocket and IndexedDB) opens at once, alongside the question: on a first visit, waiting for
 * the answer before connecting put a whole round trip before the wall's content could arrive.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Token, WallId, type WallInfo } from '../../shared/schemas';
import { ApiFailure, fetchWallInfo } from '../api';
import { AppHeader } from '../components/AppHeader';
import { suggestLanguage, useT } from '../i18n';
import { WallSession } from '../sync/session';
import { forgetWall, getCachedInfo, getKnownWall, getProfile, rememberWall, setCachedInfo, type Profile } from '../storage';
import { WallContextProvider } from './wallContext';
import { JoinView } from './JoinView';
import { lazyScreen } from './lazyScreen';
import { WallView } from './WallView';

type Problem = 'noToken' | 'unauthorized' | 'notFound' | 'offline' | 'server';

function resolveToken(wallId: string, fromHash: string): string | null {
  if (Token.safeParse(fromHash).success) return fromHash;
  // Opened without the fragment (typed by hand, or a bookmark): reuse the link we remember.
  const known = getKnownWall(wallId);
  const hash = known ? new URL(known.link, location.origin).hash.slice(1) : '';
  if (known && Token.safeParse(hash).success) {
    history.replaceState(null, '', `${location.pathname}#${hash}`);
    return hash;
  }
  return null;
}

const ProjectorView = lazyScreen(() => import('./ProjectorView').then((m) => m.ProjectorView));
const ReportView = lazyScreen(() => import('./ReportView').then((m) => m.ReportView));
const ReviewView = lazyScreen(() => import('./ReviewView').then((m) => m.ReviewView));

/** Which screen of the wall the address asks for (see App.tsx). */
export type WallScreen = 'wall' | 'projector' | 'review' | 'report';

export function WallPage({ wallId, token: hashToken, screen = 'wall' }: { wallId: string; token: string; screen?: WallScreen }) {
  const t = useT();
  const token = useMemo(() => (WallId.safeParse(wallId).success ? resolveToken(wallId, hashToken) : null), [wallId]);
  const [info, setInfo] = useState<WallInfo | null>(() => (token ? getCachedInfo(wallId, token) : null));
  const [problem, setProblem] = useState<Problem | null>(token ? null : 'noToken');
  const [attempt, setAttempt] = useState(0);
  const session = useMemo(() => (token ? new WallSession(wallId, token) : null), [wallId, token]);
  // Asked while rendering, not in an effect: effects run only after the first paint.
  const answer = useMemo(() => (token ? fetchWallInfo(wallId, token) : null), [wallId, token, attempt]);

  useEffect(() => () => session?.destroy(), [session]);

  // Revalidate with the server every time; the cached answer lets the wall open meanwhile.
  useEffect(() => {
    if (!token || !answer) return;
    let cancelled = false;
    answer
      .then((fresh) => {
        if (cancelled) return;
        setCachedInfo(wallId, token, fresh);
        setInfo(fresh);
        setProblem(null);
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        const kind = err instanceof ApiFailure ? err.kind : 'server';
        if (kind === 'unauthorized' || kind === 'notFound') stopRefused(session, wallId);
        if (kind === 'unauthorized') setProblem('unauthorized');
        else if (kind === 'notFound') setProblem('notFound');
        // With a cached answer, network and server trouble just mean "work offline".
        else if (!getCachedInfo(wallId, token)) setProblem(kind === 'network' ? 'offline' : 'server');
      });
    return () => {
      cancelled = true;
    };
  }, [answer]);

  useEffect(() => {
    if (!info || !token) return;
    if (info.language) suggestLanguage(info.language);
    rememberWall({ id: wallId, title: info.title, role: info.role, link: location.href, language: info.language });
  }, [info?.title, info?.role]);

  const refused = problem === 'unauthorized' || problem === 'notFound';
  if (problem && (refused || !info)) {
    return <ProblemView wallId={wallId} problem={problem} onRetry={problem === 'offline' || problem === 'server' ? () => setAttempt((n) => n + 1) : undefined} />;
  }
  if (!info || !token || !session) return <Loading />;
  return <OpenWall key={`${wallId}:${token}`} session={session} wallId={wallId} token={token} info={info} screen={screen} />;
}

/**
 * The server refused the link or does not know the wall: stop connecting. A wall this browser has
 * never known has no copy worth keeping; its empty IndexedDB database was made only by opening
 * the session early, so it goes too.
 */
function stopRefused(session: WallSession | null, wallId: string): void {
  if (!session) return;
  if (getKnownWall(wallId)) session.destroy();
  else void session.discardLocalCopy().then(() => session.destroy());
}

function OpenWall({ session, wallId, token, info, screen }: { session: WallSession; wallId: string; token: string; info: WallInfo; screen: WallScreen }) {
  const [ready, setReady] = useState(false);
  const [profile, setProfileState] = useState<Profile | null>(() => getProfile(wallId));
  const [changingProfile, setChangingProfile] = useState(false);

  useEffect(() => {
    let live = true;
    void session.ready.then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [session]);

  if (!ready) return <Loading />;

  // Facilitators and viewers go straight to the wall; a facilitator may set a name later.
  // The projector, review and report screens show the wall without joining it as a writer.
  const needsJoin = info.role === 'participant' && !profile && screen === 'wall';
  const ctx = { session, wall: session.wall, info, wallId, token, profile, setProfile: setProfileState };
  const onChangeProfile = () => setChangingProfile(true);

  let view;
  if (needsJoin || changingProfile) view = <JoinView changing={changingProfile} onDone={() => setChangingProfile(false)} />;
  else if (screen === 'projector') view = <ProjectorView />;
  else if (screen === 'report') view = <ReportView onChangeProfile={onChangeProfile} />;
  else if (screen === 'review' || info.role === 'viewer') view = <ReviewView onChangeProfile={onChangeProfile} />;
  else view = <WallView onChangeProfile={onChangeProfile} />;

  return <WallContextProvider value={ctx}>{view}</WallContextProvider>;
}

function Loading() {
  const t = useT();
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} class="message-page" aria-busy="true">
        <p class="loading">{t('wallPage.loading')}</p>
      </main>
    </>
  );
}

function ProblemView({ wallId, problem, onRetry }: { wallId: string; problem: Problem; onRetry?: () => void }) {
  const t = useT();
  // The wall is gone from the server: this browser may still hold a copy and a list entry.
  const [canForget, setCanForget] = useState(() => problem === 'notFound' && !!getKnownWall(wallId));
  const [forgotten, setForgotten] = useState(false);
  const title = t(`wallPage.error.${problem}.title`);
  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [title]);
  // The same status hook as on an open wall, so "refused" and "offline" look and test alike.
  const status = problem === 'offline' || problem === 'server' ? 'offline' : 'refused';
  return (
    <>
      <AppHeader />
      <section class={`status status--${status}`} aria-label={t('status.label')} data-testid="status" data-status={status}>
        <div role="status">{t(`wallPage.error.${problem}.title`)}</div>
      </section>
      <main id="main" tabIndex={-1} class="message-page">
        <h1>{title}</h1>
        <p>{t(`wallPage.error.${problem}.body`)}</p>
        {forgotten && <p role="status">{t('status.forgotten')}</p>}
        <p class="actions">
          {canForget && (
            <button
              type="button"
              class="button button--primary"
              onClick={() => {
                forgetWall(wallId);
                setCanForget(false);
                setForgotten(true);
              }}
            >
              {t('status.forgetLocal')}
            </button>
          )}
          {onRetry && (
            <button type="button" class="button button--primary" onClick={onRetry}>
              {t('wallPage.retry')}
            </button>
          )}
          <a class="button" href="/">
            {t('app.backHome')}
          </a>
        </p>
      </main>
    </>
  );
}
