/** Walls this browser created or opened, newest first. Forgetting one does not delete it. */
import { useState } from 'preact/hooks';
import { announce } from '../announce';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { forgetWall, listWalls } from '../storage';

/**
 * `refresh` changes when the parent added a wall: @preact/signals skips re-rendering a
 * component whose props did not change, and localStorage is not something it can watch.
 */
export function KnownWallsList(_props: { refresh?: string }) {
  const t = useT();
  // Re-read after "forget"; localStorage is the source, this counter only triggers the re-read.
  const [, setVersion] = useState(0);
  const walls = listWalls();

  return (
    <section class="card" aria-labelledby="walls-heading">
      <h2 id="walls-heading" tabIndex={-1}>{t('walls.heading')}</h2>
      {walls.length === 0 ? (
        <p class="empty">{t('walls.empty')}</p>
      ) : (
        <>
          <p class="hint">{t('walls.forgetHint')}</p>
          <ul class="known-walls">
            {walls.map((wall) => {
              const title = wall.title || t('walls.untitled');
              return (
                <li key={wall.id} class="known-wall">
                  <div>
                    <a href={wall.link} id={`known-${wall.id}`} class="known-wall__title">
                      {title}
                    </a>
                    <p class="hint">
                      {t('walls.roleLine', { role: t(`role.${wall.role}`) })}
                      {' · '}
                      {t('walls.lastOpened', { date: formatDateTime(wall.lastOpened, t.language) })}
                    </p>
                  </div>
                  <button
                    type="button"
                    class="button button--quiet"
                    aria-describedby={`known-${wall.id}`}
                    onClick={() => {
                      forgetWall(wall.id);
                      setVersion((v) => v + 1);
                      announce(t('walls.forgotten', { title }));
                      document.getElementById('walls-heading')?.focus();
                    }}
                  >
                    {t('walls.forget')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
