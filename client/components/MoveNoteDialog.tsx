/** The menu way to move a note: up, down, or to another group, within its task. Same moves as Alt+Arrow keys. */
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n';
import { focusLater, moveNoteBy, moveNoteTo, noteSelector } from '../moves';
import { useWall } from '../sync/hooks';
import { permissions, useWallContext } from '../views/wallContext';
import { Dialog } from './Dialog';

export function MoveNoteDialog({ noteId, onClose }: { noteId: string; onClose: () => void }) {
  const t = useT();
  const { wall, info } = useWallContext();
  // A group link's holder moves notes only within their own group.
  const acrossAllowed = permissions(info).fixedGroupId === null;
  const note = useWall(wall, (w) => w.getNote(noteId));
  const groups = useWall(wall, (w) => w.groups());
  const siblings = useWall(wall, (w) => (note ? w.notesIn(note.groupId, note.taskId) : []));
  const [target, setTarget] = useState(() => groups.find((g) => g.id !== note?.groupId)?.id ?? '');

  // The note was deleted (by someone else) while the dialog was open.
  useEffect(() => {
    if (!note) onClose();
  }, [!note]);
  if (!note) return null;
  const index = siblings.findIndex((n) => n.id === noteId);
  const others = acrossAllowed ? groups.filter((g) => g.id !== note.groupId) : [];
  // Closed without a move (Esc, Sulje): back to the note's ⋯ menu that opened the dialog, found
  // again by its note. The element the dialog itself saw focused may have been rebuilt meanwhile
  // (a flaky browser test left the focus on <body>); a move focuses the moved note instead.
  const cancel = () => {
    onClose();
    focusLater(`${noteSelector(noteId)} [data-focus="menu"]`, noteSelector(noteId));
  };
  const step = (delta: -1 | 1) => {
    onClose();
    moveNoteBy(wall, t, noteId, delta);
  };

  return (
    <Dialog labelledBy="move-title" describedBy="move-note-text" onClose={cancel}>
      <h2 id="move-title">{t('move.heading')}</h2>
      <blockquote id="move-note-text" class={`note note--${note.color} note--quote`}>
        {note.text.length > 140 ? `${note.text.slice(0, 140)}…` : note.text}
      </blockquote>
      <div class="actions">
        <button type="button" class="button" disabled={index <= 0} onClick={() => step(-1)}>
          <span aria-hidden="true">↑</span> {t('move.up')}
        </button>
        <button type="button" class="button" disabled={index < 0 || index >= siblings.length - 1} onClick={() => step(1)}>
          <span aria-hidden="true">↓</span> {t('move.down')}
        </button>
      </div>
      {others.length > 0 && (
        <form
          class="move-to-group"
          onSubmit={(e) => {
            e.preventDefault();
            if (!others.some((g) => g.id === target)) return;
            onClose();
            moveNoteTo(wall, t, noteId, target, wall.notesIn(target, note.taskId).length);
          }}
        >
          <label for="move-target">{t('move.toGroupLabel')}</label>
          <select id="move-target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            {others.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          <button type="submit" class="button button--primary">
            {t('move.toGroupSubmit')}
          </button>
        </form>
      )}
      <p class="hint">{t('move.hint')}</p>
      <div class="dialog-actions">
        <button type="button" class="button" onClick={cancel}>
          {t('app.close')}
        </button>
      </div>
    </Dialog>
  );
}
