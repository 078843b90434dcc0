/**
 * The up / down / delete buttons of one row in the process editor, the same for a workshop and
 * for a task. Each button names the row, so a screen-reader user hears which row it moves.
 * `data-focus` lets the editor put the focus back on the pressed button after the row moves.
 */
import { useT } from '../i18n';

export type MoveDirection = 'up' | 'down';

interface Props {
  /** The row's title, for the buttons' accessible names. */
  name: string;
  index: number;
  count: number;
  /** Moves the row to `index`; `pressed` is the button that was used. */
  onMove: (index: number, pressed: MoveDirection) => void;
  /** The delete button's visible text and its accessible name (naming the row). */
  deleteLabel: string;
  deleteNamed: string;
  canDelete?: boolean;
  onDelete: () => void;
}

export function ReorderButtons({ name, index, count, onMove, deleteLabel, deleteNamed, canDelete = true, onDelete }: Props) {
  const t = useT();
  return (
    <div class="actions">
      <button
        type="button"
        class="button button--small"
        data-focus="up"
        disabled={index === 0}
        aria-label={t('process.editor.upNamed', { name })}
        onClick={() => onMove(index - 1, 'up')}
      >
        <span aria-hidden="true">↑</span> {t('process.editor.up')}
      </button>
      <button
        type="button"
        class="button button--small"
        data-focus="down"
        disabled={index === count - 1}
        aria-label={t('process.editor.downNamed', { name })}
        onClick={() => onMove(index + 1, 'down')}
      >
        <span aria-hidden="true">↓</span> {t('process.editor.down')}
      </button>
      <button type="button" class="button button--small" data-focus="delete" disabled={!canDelete} aria-label={deleteNamed} onClick={onDelete}>
        {deleteLabel}
      </button>
    </div>
  );
}
