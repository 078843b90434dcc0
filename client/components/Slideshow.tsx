/**
 * The current task's notes one at a time, large, with the group's name: previous/next buttons,
 * the arrow keys, "3 / 24", and Escape back to the columns (slideNavigation.tsx).
 */
import type { Group, Note } from '../../shared/wall';
import { useT } from '../i18n';
import { ProjectorNote } from './ProjectorNote';
import { SlideControls, SlideRegion, useSlides } from './slideNavigation';

export interface SlideshowProps {
  /** In showing order: group by group, each group's notes in order. */
  slides: { note: Note; group: Group }[];
  showAuthors: boolean;
  votes: Map<string, number> | null;
  onClose: () => void;
}

export function Slideshow({ slides, showAuthors, votes, onClose }: SlideshowProps) {
  const t = useT();
  const total = slides.length;
  const { at, go, region } = useSlides(total, onClose);
  const slide = slides[at];

  return (
    <SlideRegion region={region} name="slideshow" heading={t('projector.slideshowLabel')} keys={t('projector.slideKeys')}>
      {slide ? (
        <div class={`slideshow__slide note--${slide.note.color}`} aria-live="polite" data-note-id={slide.note.id}>
          <p class="slideshow__group">{slide.group.name}</p>
          <ProjectorNote note={slide.note} showAuthor={showAuthors} votes={votes ? (votes.get(slide.note.id) ?? 0) : null} />
        </div>
      ) : (
        <p class="slideshow__empty">{t('projector.noNotes')}</p>
      )}
      <SlideControls at={at} total={total} go={go} testId="slide-position" />
    </SlideRegion>
  );
}
