/** Editing a note's text and colour in place; checks for personal data before saving. */
import { useRef, useState } from 'preact/hooks';
import type { NoteColor } from '../../shared/schemas';
import type { Note } from '../../shared/wall';
import { announce } from '../announce';
import { useT } from '../i18n';
import { focusLater, noteSelector } from '../moves';
import { useWallContext } from '../views/wallContext';
import { ColorPicker } from './ColorPicker';
import { NoteTextFeedback, useNoteTextCheck } from './NoteTextCheck';

export function NoteEditor({ note, onDone }: { note: Note; onDone: () => void }) {
  const t = useT();
  const { wall } = useWallContext();
  const [text, setText] = useState(note.text);
  const [color, setColor] = useState<NoteColor>(note.color);
  const { error, warning, setWarning, check } = useNoteTextCheck(t('note.emptyError'));
  const ids = `edit-${note.id}`;
  const focused = useRef(false);

  const finish = () => {
    onDone();
    // Back on the button that opened the editor, or on the menu it was in.
    focusLater(`${noteSelector(note.id)} [data-focus="edit"]`, `${noteSelector(note.id)} [data-focus="menu"]`);
  };
  const save = (e?: Event, saveAnyway = false) => {
    e?.preventDefault();
    const kinds = check(text, saveAnyway);
    if (!kinds) return;
    const trimmed = text.trim();
    wall.doc.transact(() => {
      if (trimmed !== note.text || note.personalData !== kinds.length > 0) wall.updateNoteText(note.id, trimmed, kinds.length > 0);
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
        onInput={(e) => {
          setText(e.currentTarget.value);
          if (warning) setWarning(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(e);
        }}
      />
      <NoteTextFeedback
        ids={ids}
        error={error}
        warning={warning}
        editing
        clearWarning={() => setWarning(null)}
        goAhead={() => save(undefined, true)}
      />
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
