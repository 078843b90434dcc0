/**
 * One sticky note. Its accessible name is its text and author. Edit, move and delete are
 * buttons; Alt+Arrow keys move a focused note; the card can also be dragged.
 */
import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import type { Note } from '../../shared/wall';
import { useT } from '../i18n';
import { moveNoteAcross, moveNoteBy } from '../moves';
import { useWallContext } from '../views/wallContext';
import { dragging } from './drag';
import { NoteEditor } from './NoteEditor';
import { PersonalDataFlag } from './PersonalDataFlag';

interface Props {
  note: Note;
  canEdit: boolean;
  canMove: boolean;
  /** Alt+Left/Right may move the note to a neighbouring group (not for a group link). */
  canMoveAcross: boolean;
  /** The facilitator sees the personal-data mark and may redact. */
  canRedact: boolean;
  /** A dragged note would land just before this one. */
  dropBefore: boolean;
  onMoveMenu: (id: string) => void;
  onDelete: (id: string) => void;
}

function NoteCardImpl({ note, canEdit, canMove, canMoveAcross, canRedact, dropBefore, onMoveMenu, onDelete }: Props) {
  const t = useT();
  const { wall } = useWallContext();
  const [editing, setEditing] = useState(false);
  const ids = `note-${note.id}`;

  const onKeyDown = (e: KeyboardEvent) => {
    if (!canMove || !e.altKey || e.target !== e.currentTarget) return;
    const actions: Record<string, () => void> = {
      ArrowUp: () => moveNoteBy(wall, t, note.id, -1),
      ArrowDown: () => moveNoteBy(wall, t, note.id, 1),
      ...(canMoveAcross && {
        ArrowLeft: () => moveNoteAcross(wall, t, note.id, -1),
        ArrowRight: () => moveNoteAcross(wall, t, note.id, 1),
      }),
    };
    const action = actions[e.key];
    if (!action) return;
    // Alt+Left is also the browser's "back": the note, not the page, owns it while focused.
    e.preventDefault();
    e.stopPropagation();
    action();
  };

  return (
    <li
      class={dropBefore ? 'note-item note-item--drop-before' : 'note-item'}
      draggable={canMove && !editing}
      onDragStart={(e) => {
        dragging.value = note.id;
        e.dataTransfer?.setData('text/plain', note.text);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      }}
      onDragEnd={() => {
        dragging.value = null;
      }}
    >
      <article
        class={`note note--${note.color}${dragging.value === note.id ? ' note--dragging' : ''}`}
        data-note-id={note.id}
        tabIndex={0}
        aria-labelledby={`${ids}-text ${ids}-author`}
        aria-describedby={canMove ? 'note-keys-hint' : undefined}
        onKeyDown={onKeyDown}
      >
        {editing ? (
          <NoteEditor note={note} onDone={() => setEditing(false)} />
        ) : (
          <p id={`${ids}-text`} class="note__text">
            {note.text}
          </p>
        )}
        <p id={`${ids}-author`} class="note__author">
          {note.authorName ? t('note.author', { name: note.authorName }) : t('note.authorAnonymous')}
        </p>
        {note.personalData && (canRedact || canEdit) && !editing && <PersonalDataFlag note={note} canRedact={canRedact} />}
        {!editing && (canEdit || canMove) && (
          <div class="note__actions">
            {canEdit && (
              <button type="button" class="button button--small" data-focus="edit" onClick={() => setEditing(true)}>
                {t('note.edit')}
              </button>
            )}
            {canMove && (
              <button type="button" class="button button--small" data-focus="move" onClick={() => onMoveMenu(note.id)}>
                {t('note.move')}
              </button>
            )}
            {canEdit && (
              <button type="button" class="button button--small" onClick={() => onDelete(note.id)}>
                {t('note.delete')}
              </button>
            )}
          </div>
        )}
      </article>
    </li>
  );
}

/** Notes re-render only when their content or permissions change. */
export const NoteCard = memo(
  NoteCardImpl,
  (a, b) =>
    a.canEdit === b.canEdit &&
    a.canMove === b.canMove &&
    a.canMoveAcross === b.canMoveAcross &&
    a.canRedact === b.canRedact &&
    a.note.personalData === b.note.personalData &&
    a.dropBefore === b.dropBefore &&
    a.note.text === b.note.text &&
    a.note.color === b.note.color &&
    a.note.authorName === b.note.authorName &&
    a.note.groupId === b.note.groupId &&
    a.note.order === b.note.order &&
    a.onMoveMenu === b.onMoveMenu &&
    a.onDelete === b.onDelete,
);
