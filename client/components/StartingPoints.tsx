/**
 * The starting points of a task: the notes chosen in the workshop before (the problems chosen in
 * workshop 1 are what workshop 2 looks for root causes of, and so on). Each can be continued in
 * a new note, which then links back to it.
 */
import { useT } from '../i18n';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
import { NoteLink } from './NoteThread';

interface Props {
  taskId: string;
  /** Opens the add form with this note as the new note's origin; absent when the user cannot write. */
  onContinue?: (originId: string) => void;
}

export function StartingPoints({ taskId, onContinue }: Props) {
  const t = useT();
  const { wall } = useWallContext();
  const points = useWall(wall, (w) =>
    w.startingPoints(taskId).map((note) => ({
      note,
      group: w.getGroup(note.groupId)?.name ?? '',
      continued: w.continuations(note.id).length,
    })),
  );
  if (points.length === 0) return null;

  return (
    <section class="starting-points" aria-labelledby="starting-points-title">
      <h2 id="starting-points-title">{t('process.start.heading')}</h2>
      <p class="hint">{t('process.start.hint')}</p>
      <ul class="starting-points__list">
        {points.map(({ note, group, continued }) => (
          <li key={note.id} class="starting-point" data-origin-id={note.id}>
            <p class="starting-point__text">{note.text}</p>
            <p class="hint">
              {t('process.start.from', { group })}
              {continued > 0 && <> · {t.plural('process.thread.continued', continued)}</>}
            </p>
            <div class="actions">
              {onContinue && (
                <button type="button" class="button button--small" onClick={() => onContinue(note.id)}>
                  {t('process.start.continue')}
                </button>
              )}
              <NoteLink note={note} label={t('process.start.showOriginal')} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
