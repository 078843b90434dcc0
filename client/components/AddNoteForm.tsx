/**
 * Writing a new note into one group, in the task on screen. Ctrl/Cmd+Enter submits; the form
 * keeps focus for the next. When the user chose to continue a starting point, the new note
 * links back to it.
 */
import { useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import type { NoteColor } from '../../shared/schemas';
import type { Group } from '../../shared/wall';
import { announce } from '../announce';
import { useT } from '../i18n';
import { getAuthorId, rememberOwnNote } from '../storage';
import { useWall } from '../sync/hooks';
import { useWallContext } from '../views/wallContext';
import { ColorPicker } from './ColorPicker';
import { NoteTextFeedback, useNoteTextCheck } from './NoteTextCheck';

interface Props {
  group: Group;
  taskId: string;
  /** The chosen note the new note continues, or null. */
  originId?: string | null;
  onClearOrigin?: () => void;
  onClose?: () => void;
  /** The task or wall is locked for this writer: the text is kept but cannot be posted. */
  locked?: boolean;
}

export function AddNoteForm({ group, taskId, originId = null, onClearOrigin, onClose, locked = false }: Props) {
  const t = useT();
  const { wall, profile, wallId } = useWallContext();
  // All notes, not getNote(originId): useWall re-reads only when the wall changes, not the prop.
  const notes = useWall(wall, (w) => w.notes());
  const origin = originId ? notes.find((n) => n.id === originId) : undefined;
  const [text, setText] = useState('');
  const [color, setColor] = useState<NoteColor>('yellow');
  const { error, setError, warning, setWarning, check } = useNoteTextCheck(t('addNote.empty'));
  const length = text.trim().length;
  const over = length - LIMITS.noteTextMax;
  const ids = `add-${group.id}`;

  const submit = (e?: Event, postAnyway = false) => {
    e?.preventDefault();
    if (locked) return;
    const kinds = check(text, postAnyway);
    if (!kinds) return;
    const authorName = profile?.name ?? null;
    const id = wall.addNote({
      groupId: group.id,
      taskId,
      originId: origin?.id,
      text,
      color,
      authorName,
      // Anonymous notes carry no identifier; this device remembers them by note id instead.
      authorId: authorName === null ? null : getAuthorId(),
      personalData: kinds.length > 0,
    });
    if (!id) return setError(t('addNote.failed', { max: LIMITS.notesMax }));
    if (authorName === null) rememberOwnNote(wallId, id);
    setText('');
    if (origin) onClearOrigin?.();
    setError(null);
    setWarning(null);
    announce(t('addNote.added', { group: group.name }));
  };

  const describedBy = [locked ? `${ids}-locked` : '', origin ? `${ids}-origin` : '', `${ids}-hint`, `${ids}-counter`, error ? `${ids}-error` : ''].filter(Boolean).join(' ');

  return (
    <form class={`add-note note--${color}`} id="add-note" onSubmit={submit} noValidate>
      <label for={`${ids}-text`} class="add-note__label">
        {t('addNote.label', { group: group.name })}
      </label>
      {origin && (
        <div class="add-note__origin" id={`${ids}-origin`}>
          <p>{t('process.start.writingAbout', { text: origin.text.length > 100 ? `${origin.text.slice(0, 100)}…` : origin.text })}</p>
          <button type="button" class="button button--small" onClick={onClearOrigin}>
            {t('process.start.unlink')}
          </button>
        </div>
      )}
      <textarea
        id={`${ids}-text`}
        data-testid="add-note-text"
        rows={3}
        value={text}
        readOnly={locked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onInput={(e) => {
          setText(e.currentTarget.value);
          if (error) setError(null);
          if (warning) setWarning(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
        }}
      />
      <div class="add-note__meta">
        <span id={`${ids}-hint`} class="hint">
          {t('addNote.hint')}
        </span>
        <span id={`${ids}-counter`} class={over > 0 ? 'counter counter--over' : 'counter'}>
          {t('addNote.counter', { count: length, max: LIMITS.noteTextMax })}
        </span>
      </div>
      <NoteTextFeedback
        ids={ids}
        error={error}
        warning={warning}
        clearWarning={() => setWarning(null)}
        goAhead={() => submit(undefined, true)}
      />
      <ColorPicker name={`${ids}-color`} legend={t('addNote.colorLegend')} value={color} onChange={setColor} />
      {locked && (
        <p id={`${ids}-locked`} class="notice notice--locked">
          {t('process.lockedForm')}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button button--primary" data-testid="add-note-submit" disabled={locked}>
          {t('addNote.submit')}
        </button>
        {onClose && (
          <button type="button" class="button" onClick={onClose}>
            {t('addNote.close')}
          </button>
        )}
      </div>
    </form>
  );
}
