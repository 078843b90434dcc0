/**
 * Every group's column of one task side by side, sized to fit the screen: the text starts large
 * and shrinks until every column fits without scrolling. Eight groups fit on a page (fewer on a
 * narrow screen); more groups go on further pages. A column that still does not fit at the smallest size scrolls by itself,
 * legibly, instead of shrinking further. When the text would be small, the notes are given more
 * room: first their padding is tightened, then an element beside the columns (the mirror material)
 * collapses to a strip, each kept only if it makes the text larger.
 */
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Group, Note } from '../../shared/wall';
import { useT } from '../i18n';
import { ProjectorNote } from './ProjectorNote';

/** At most this many groups on one page, fewer when the screen is narrower than ~150 px a column. */
export const GROUPS_PER_PAGE = 8;
const MIN_COLUMN_PX = 150;
const MAX_TEXT_PX = 44;
const MIN_TEXT_PX = 18;
/**
 * Below this the notes are legible from the back of a room, but only just: a little longer notes,
 * or one more in a column, and they shrink to the minimum. Room is made for them then.
 */
const COMFORT_TEXT_PX = 24;

export interface ProjectorColumnsProps {
  groups: Group[];
  notesByGroup: Map<string, Note[]>;
  showAuthors: boolean;
  /** Votes per note when the task's vote is closed, else null. */
  votes: Map<string, number> | null;
  /** Private writing is on: the room sees how many notes each group has, not what they say. */
  concealed: boolean;
  /** An element beside the columns that can collapse to a narrow form (its `data-crowded` set). */
  beside?: RefObject<HTMLElement>;
}

function overflows(root: HTMLElement): boolean {
  for (const list of root.querySelectorAll<HTMLElement>('.projector-column__notes')) {
    if (list.scrollHeight > list.clientHeight + 1 || list.scrollWidth > list.clientWidth + 1) return true;
  }
  return false;
}

function setText(root: HTMLElement, px: number): void {
  root.style.setProperty('--projector-text', `${px}px`);
}

/**
 * The largest text size from `lo` up at which nothing overflows, found by bisection (each step is
 * one layout). `lo` itself is not measured: the caller knows it fits, or it is the smallest allowed.
 */
function fitText(root: HTMLElement, lo = MIN_TEXT_PX): number {
  let hi = MAX_TEXT_PX;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    setText(root, mid);
    if (overflows(root)) hi = mid - 1;
    else lo = mid;
  }
  setText(root, lo);
  return lo;
}

/**
 * Fits the text and, while it is below comfort, gives the notes more room one step at a time (a
 * step is an element marked `data-crowded`, which the stylesheet makes more compact), keeping a
 * step only if the text then fits a size larger. Every fit starts again from no steps and tries
 * them all in one synchronous measurement: deciding from the last fit alone would flip back and
 * forth (collapsed, the text is large, so the material would open again), and a render between
 * two tries would show a frame of each.
 */
function fitWithRoom(root: HTMLElement, steps: HTMLElement[]): void {
  for (const step of steps) step.removeAttribute('data-crowded');
  let best = fitText(root);
  // Too long even at the smallest size, the columns scroll: every step helps then, by less to scroll.
  const squeezed = best === MIN_TEXT_PX && overflows(root);
  for (const step of steps) {
    if (best >= COMFORT_TEXT_PX) return;
    step.setAttribute('data-crowded', '');
    setText(root, best + 1);
    // One layout tells whether the step helps at all; only then is the new size searched for.
    if (!overflows(root)) best = fitText(root, best + 1);
    else {
      if (!squeezed) step.removeAttribute('data-crowded');
      setText(root, best);
    }
  }
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

export function ProjectorColumns({ groups, notesByGroup, showAuthors, votes, concealed, beside }: ProjectorColumnsProps) {
  const t = useT();
  const root = useRef<HTMLUListElement>(null);
  const [page, setPage] = useState(0);
  const perPage = usePerPage();
  const pages = Math.max(1, Math.ceil(groups.length / perPage));
  const current = Math.min(page, pages - 1);
  const shown = groups.slice(current * perPage, (current + 1) * perPage);

  const fit = () => {
    const el = root.current;
    if (!el) return;
    // Tighter notes first: the material beside them is worth more than their padding.
    fitWithRoom(el, beside?.current ? [el, beside.current] : [el]);
  };
  // After every render (a note came or went): layout must be measured, not guessed.
  useLayoutEffect(fit);
  // The space left for the columns changes without a render here too: a window resize, the timer
  // or the join address appearing above them, the mirror material beside them coming or going.
  // A fit changes the columns' own box only by collapsing the element beside them, and every fit
  // starts from the same form and ends in the same one for the same space, so this cannot loop.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => {
      observer.disconnect();
      // The slideshow in the columns' place has no text to fit: the element beside it opens again.
      beside?.current?.removeAttribute('data-crowded');
    };
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
