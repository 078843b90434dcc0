/**
 * Routing: the home page at `/`, a wall at `/w/:id#token`, its other screens at
 * `/w/:id/<screen>#token` (projector, review, report), anything else is "not found".
 */
import { useEffect } from 'preact/hooks';
import { Announcer } from './components/Announcer';
import { lazyScreen } from './views/lazyScreen';
import { NotFoundView } from './views/NotFoundView';
import { WallPage, type WallScreen } from './views/WallPage';

// The organiser's start page: a participant's link never needs it.
const HomeView = lazyScreen(() => import('./views/HomeView').then((m) => m.HomeView));

export function App() {
  const path = location.pathname;
  const wallMatch = /^\/w\/([^/]+)(?:\/(projector|review|report))?\/?$/.exec(path);

  useEffect(() => {
    if (!wallMatch) return;
    // The token is the fragment; pasting another link on the same wall changes only the hash.
    const reload = () => location.reload();
    addEventListener('hashchange', reload);
    return () => removeEventListener('hashchange', reload);
  }, [path]);

  let view;
  if (path === '/' || path === '/index.html') view = <HomeView />;
  else if (wallMatch?.[1]) view = (
      <WallPage
        wallId={decodeURIComponent(wallMatch[1])}
        token={location.hash.slice(1)}
        screen={(wallMatch[2] as WallScreen | undefined) ?? 'wall'}
      />
    );
  else view = <NotFoundView />;

  return (
    <>
      {view}
      <Announcer />
    </>
  );
}
