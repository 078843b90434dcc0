/**
 * One sticky note. Its accessible name is its text and author. Edit, move and delete are
 * buttons; Alt+Arrow keys move a focused note; the card can also be dragged.
 */
import { memo } from 'preact/compat';
import { useRef, useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import type { NoteColor } from '../../shared/schemas';
import type { Note } from '../../shared/wall';
import { announce } from '../announce';
import { useT } from '../i18n';
import { focusLater, moveNoteAcross, moveNoteBy, noteSelector } from '../moves';
import { useWallContext } from '../views/wallContext';
import { ColorPicker } from './ColorPicker';
import { dragging } from './drag';

interface Props {
  note: Note;
  canEdit: boolean;
  canMove: boolean;
  /** A dragged note would land just before this one. */
  dropBefore: boolean;
  onMoveMenu: (id: string) => void;
  onDelete: (id: string) => void;
}

function NoteCardImpl({ note, canEdit, canMove, dropBefore, onMoveMenu, onDelete }: Props) {
  const t = useT();
  const { wall } = useWallContext();
  const [editing, setEditing] = useState(false);
  const ids = `note-${note.id}`;

  const onKeyDown = (e: KeyboardEvent) => {
    if (!canMove || !e.altKey || e.target !== e.currentTarget) return;
    const actions: Record<string, () => void> = {
      ArrowUp: () => moveNoteBy(wall, t, note.id, -1),
      ArrowDown: () => moveNoteBy(wall, t, note.id, 1),
      ArrowLeft: () => moveNoteAcross(wall, t, note.id, -1),
      ArrowRight: () => moveNoteAcross(wall, t, note.id, 1),
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

function NoteEditor({ note, onDone }: { note: Note; onDone: () => void }) {
  const t = useT();
  const { wall } = useWallContext();
  const [text, setText] = useState(note.text);
  const [color, setColor] = useState<NoteColor>(note.color);
  const [error, setError] = useState<string | null>(null);
  const ids = `edit-${note.id}`;
  const focused = useRef(false);

  const finish = () => {
    onDone();
    focusLater(`${noteSelector(note.id)} [data-focus="edit"]`, noteSelector(note.id));
  };
  const save = (e?: Event) => {
    e?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setError(t('note.emptyError'));
    if (trimmed.length > LIMITS.noteTextMax) return setError(t('addNote.tooLong', { over: trimmed.length - LIMITS.noteTextMax }));
    wall.doc.transact(() => {
      if (trimmed !== note.text) wall.updateNoteText(note.id, trimmed);
      if (color !== note.color) wall.setNoteColor(note.id, color);
    });
    announce(t('note.saved'));
    finish();
  };

  return (
    <form
      class="note-editor"
      onSubmit={save}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          finish();
        }
      }}
    >
      {/* The hidden text keeps the article's accessible name while editing. */}
      <p id={`note-${note.id}-text`} hidden>
        {note.text}
      </p>
      <label for={`${ids}-text`}>{t('note.editTextLabel')}</label>
      <textarea
        id={`${ids}-text`}
        rows={4}
        value={text}
        ref={(el) => {
          if (el && !focused.current) {
            focused.current = true;
            el.focus();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${ids}-error` : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(e);
        }}
      />
      {error && (
        <p id={`${ids}-error`} class="form-error" role="alert">
          {error}
        </p>
      )}
      <ColorPicker name={`${ids}-color`} legend={t('note.colorLegend')} value={color} onChange={setColor} />
      <div class="actions">
        <button type="submit" class="button button--primary button--small">
          {t('app.save')}
        </button>
        <button type="button" class="button button--small" onClick={finish}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Notes re-render only when their content or permissions change. */
export const NoteCard = memo(
  NoteCardImpl,
  (a, b) =>
    a.canEdit === b.canEdit &&
    a.canMove === b.canMove &&
    a.dropBefore === b.dropBefore &&
    a.note.text === b.note.text &&
    a.note.color === b.note.color &&
    a.note.authorName === b.note.authorName &&
    a.note.groupId === b.note.groupId &&
    a.note.order === b.note.order &&
    a.onMoveMenu === b.onMoveMenu &&
    a.onDelete === b.onDelete,
);
