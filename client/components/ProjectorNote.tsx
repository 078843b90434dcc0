/** One note as the projector shows it: the text, the author when names are on, votes when closed. */
import type { Note } from '../../shared/wall';
import { useT } from '../i18n';

export function ProjectorNote({ note, showAuthor, votes }: { note: Note; showAuthor: boolean; votes: number | null }) {
  const t = useT();
  return (
    <>
      <p class="projector-note__text">{note.text}</p>
      {(showAuthor && note.authorName) || votes !== null ? (
        <p class="projector-note__meta">
          {showAuthor && note.authorName && <span>{note.authorName}</span>}
          {votes !== null && <span class="projector-note__votes">{t.plural('projector.votes', votes)}</span>}
        </p>
      ) : null}
    </>
  );
}
