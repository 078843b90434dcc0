/**
 * The current task's notes one at a time, large, with the group's name: previous/next buttons,
 * the arrow keys, "3 / 24", and Escape back to the columns. The position is this screen's own
 * state (what the presenter is showing), not wall content.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Group, Note } from '../../shared/wall';
import { useT } from '../i18n';
import { ProjectorNote } from './ProjectorNote';

export interface SlideshowProps {
  /** In showing order: group by group, each group's notes in order. */
  slides: { note: Note; group: Group }[];
  showAuthors: boolean;
  votes: Map<string, number> | null;
  onClose: () => void;
}

export function Slideshow({ slides, showAuthors, votes, onClose }: SlideshowProps) {
  const t = useT();
  const [index, setIndex] = useState(0);
  const region = useRef<HTMLElement>(null);
  const total = slides.length;
  // Notes may be deleted while showing: stay within the list.
  const at = Math.min(index, Math.max(0, total - 1));
  const slide = slides[at];
  // Functional update: two key presses before a re-render must both count.
  const go = (step: number) => setIndex((i) => Math.max(0, Math.min(total - 1, Math.min(i, total - 1) + step)));

  useEffect(() => {
    region.current?.focus();
  }, []);

  // One window listener for the slideshow's life, attached as it is drawn, that calls the latest
  // handler: a listener re-attached in an effect after every render (effects wait for the next
  // frame) missed the first keys after opening and a key pressed right after another.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  onKey.current = (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') go(1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
    else if (e.key === 'Escape') onClose();
    else return;
    e.preventDefault();
  };
  useLayoutEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    addEventListener('keydown', listener);
    return () => removeEventListener('keydown', listener);
  }, []);

  return (
    <section ref={region} class="slideshow" tabIndex={-1} aria-labelledby="slideshow-heading" aria-describedby="slideshow-keys">
      <h2 id="slideshow-heading" class="sr-only">
        {t('projector.slideshowLabel')}
      </h2>
      <p id="slideshow-keys" class="sr-only">
        {t('projector.slideKeys')}
      </p>
      {slide ? (
        <div class={`slideshow__slide note--${slide.note.color}`} aria-live="polite" data-note-id={slide.note.id}>
          <p class="slideshow__group">{slide.group.name}</p>
          <ProjectorNote note={slide.note} showAuthor={showAuthors} votes={votes ? (votes.get(slide.note.id) ?? 0) : null} />
        </div>
      ) : (
        <p class="slideshow__empty">{t('projector.noNotes')}</p>
      )}
      <div class="slideshow__controls">
        {/* aria-disabled, not disabled: a button that disables itself under the keyboard would drop the focus to the page. */}
        <button type="button" class="button" aria-disabled={at === 0} onClick={() => go(-1)}>
          {t('projector.previous')}
        </button>
        <span class="slideshow__position" data-testid="slide-position">
          {t('projector.slidePosition', { position: total === 0 ? 0 : at + 1, total })}
        </span>
        <button type="button" class="button" aria-disabled={at >= total - 1} onClick={() => go(1)}>
          {t('projector.next')}
        </button>
      </div>
    </section>
  );
}
