/**
 * Every group's column of one task side by side, sized to fit the screen: the text starts large
 * and shrinks until every column fits without scrolling. Eight groups fit on a page (fewer on a
 * narrow screen); more groups go on further pages. A column that still does not fit at the smallest size scrolls by itself,
 * legibly, instead of shrinking further.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Group, Note } from '../../shared/wall';
import { useT } from '../i18n';
import { ProjectorNote } from './ProjectorNote';

/** At most this many groups on one page, fewer when the screen is narrower than ~150 px a column. */
export const GROUPS_PER_PAGE = 8;
const MIN_COLUMN_PX = 150;
const MAX_TEXT_PX = 44;
const MIN_TEXT_PX = 18;

export interface ProjectorColumnsProps {
  groups: Group[];
  notesByGroup: Map<string, Note[]>;
  showAuthors: boolean;
  /** Votes per note when the task's vote is closed, else null. */
  votes: Map<string, number> | null;
  /** Private writing is on: the room sees how many notes each group has, not what they say. */
  concealed: boolean;
}

function overflows(root: HTMLElement): boolean {
  for (const list of root.querySelectorAll<HTMLElement>('.projector-column__notes')) {
    if (list.scrollHeight > list.clientHeight + 1 || list.scrollWidth > list.clientWidth + 1) return true;
  }
  return false;
}

/** The largest text size at which nothing overflows, found by bisection (each step is one layout). */
function fitText(root: HTMLElement): void {
  let lo = MIN_TEXT_PX;
  let hi = MAX_TEXT_PX;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    root.style.setProperty('--projector-text', `${mid}px`);
    if (overflows(root)) hi = mid - 1;
    else lo = mid;
  }
  root.style.setProperty('--projector-text', `${lo}px`);
}

function usePerPage(): number {
  const fit = () => Math.max(2, Math.min(GROUPS_PER_PAGE, Math.floor(innerWidth / MIN_COLUMN_PX)));
  const [perPage, setPerPage] = useState(fit);
  useEffect(() => {
    const onResize = () => setPerPage(fit());
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, []);
  return perPage;
}

export function ProjectorColumns({ groups, notesByGroup, showAuthors, votes, concealed }: ProjectorColumnsProps) {
  const t = useT();
  const root = useRef<HTMLUListElement>(null);
  const [page, setPage] = useState(0);
  const perPage = usePerPage();
  const pages = Math.max(1, Math.ceil(groups.length / perPage));
  const current = Math.min(page, pages - 1);
  const shown = groups.slice(current * perPage, (current + 1) * perPage);

  // After every render (a note came or went): layout must be measured, not guessed.
  useLayoutEffect(() => {
    if (root.current) fitText(root.current);
  });
  // The space left for the columns changes without a render here too: a window resize, or the
  // timer or the join address appearing above them. Fitting changes only what is inside the
  // columns, never their own box, so this cannot loop.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const observer = new ResizeObserver(() => fitText(el));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <div class="projector-columns-wrap">
      {concealed && <p class="projector__private">{t('projector.private')}</p>}
      {pages > 1 && (
        <nav class="projector-pages" aria-label={t('projector.page', { page: current + 1, pages })}>
          {/* aria-disabled, not disabled: a page button that disables itself under the keyboard would drop the focus to the page. */}
          <button type="button" class="button" aria-disabled={current === 0} onClick={() => setPage(Math.max(0, current - 1))}>
            {t('projector.previousPage')}
          </button>
          <span>{t('projector.page', { page: current + 1, pages })}</span>
          <button type="button" class="button" aria-disabled={current >= pages - 1} onClick={() => setPage(Math.min(pages - 1, current + 1))}>
            {t('projector.nextPage')}
          </button>
        </nav>
      )}
      <ul
        ref={root}
        class="projector-columns"
        aria-label={t('projector.columnsLabel')}
        style={{ '--projector-cols': String(Math.max(1, shown.length)) }}
      >
        {shown.map((group) => {
          const notes = notesByGroup.get(group.id) ?? [];
          return (
            <li key={group.id} class="projector-column" aria-labelledby={`pg-${group.id}`} data-group-id={group.id}>
              <h2 id={`pg-${group.id}`} class="projector-column__name">
                {group.name}
              </h2>
              <p class="projector-column__count">{t.plural('projector.noteCount', notes.length)}</p>
              {concealed ? null : notes.length === 0 ? (
                <p class="projector-column__empty">{t('projector.noNotes')}</p>
              ) : (
                // tabIndex: if this column ever has to scroll, the keyboard can scroll it too.
                <ul class="projector-column__notes" tabIndex={0} aria-labelledby={`pg-${group.id}`}>
                  {notes.map((note) => (
                    <li key={note.id} class={`projector-note note--${note.color}`} data-note-id={note.id}>
                      <ProjectorNote note={note} showAuthor={showAuthors} votes={votes ? (votes.get(note.id) ?? 0) : null} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
