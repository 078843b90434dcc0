/**
 * One note as the projector shows it: the text, whether it was chosen to carry forward, an
 * experiment card's owner and numbers, the author when names are on, and votes once the vote is
 * closed.
 */
import type { Experiment, Note } from '../../shared/wall';
import { useT, type Translator } from '../i18n';

/** "referral rate 12 % → 48 %" (the same wording as on the wall), or null while numbers are missing. */
function experimentLine(t: Translator, e: Experiment): string | null {
  if (!e.measure || !e.baseline || !(e.target || e.result)) return null;
  if (e.result) return t('process.experiment.summaryResult', { measure: e.measure, baseline: e.baseline, result: e.result });
  return t('process.experiment.summaryTarget', { measure: e.measure, baseline: e.baseline, target: e.target! });
}

export function ProjectorNote({ note, showAuthor, votes }: { note: Note; showAuthor: boolean; votes: number | null }) {
  const t = useT();
  const experiment = experimentLine(t, note.experiment);
  const owner = note.experiment.owner;
  return (
    <>
      <p class="projector-note__text">{note.text}</p>
      {note.chosen && (
        <p class="projector-note__chosen">
          <span aria-hidden="true">★ </span>
          {t('process.thread.chosen')}
        </p>
      )}
      {owner && (
        <p class="projector-note__experiment">
          <span class="projector-note__label">{t('process.experiment.owner')}</span> {owner}
        </p>
      )}
      {experiment && <p class="projector-note__experiment">{experiment}</p>}
      {(showAuthor && note.authorName) || votes !== null ? (
        <p class="projector-note__meta">
          {showAuthor && note.authorName && <span>{note.authorName}</span>}
          {votes !== null && <span class="projector-note__votes">{t.plural('projector.votes', votes)}</span>}
        </p>
      ) : null}
    </>
  );
}
