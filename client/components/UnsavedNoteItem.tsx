/**
 * One unsaved note: where it was written, its text, a copy button, and once the page is back in
 * sync, "post it again" into the same group and task while the task is open (copying and pasting
 * is hard on a phone); a refused edit of a note the wall still has is saved into that note
 * instead of a second one. The server still decides: a note posted into a task that was locked
 * again meanwhile is refused and listed again, not lost.
 */
import { useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import { announce } from '../announce';
import { useT } from '../i18n';
import { getAuthorId, rememberOwnNote } from '../storage';
import { carriedFields, postAgain } from '../sync/postAgain';
import type { UnsavedNote } from '../sync/unsavedNotes';
import { useWallContext } from '../views/wallContext';
import { copyText } from './CopyLink';
import { ExperimentFieldList, fieldLabel } from './ExperimentFields';

interface Props {
  note: UnsavedNote;
  /** Back in sync with the server: only then can it be posted again. */
  online: boolean;
  postable: boolean;
  /** The wall still has the note (with other text): saving puts this text back into it. */
  edit: boolean;
}

/** The item goes once the wall has its text: keep the focus in the list (or on the wall). */
function refocus(): void {
  setTimeout(() => (document.getElementById('unsaved-title') ?? document.getElementById('main'))?.focus());
}

export function UnsavedNoteItem({ note, online, postable, edit }: Props) {
  const t = useT();
  const { wall, wallId, profile } = useWallContext();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [postFailed, setPostFailed] = useState(false);
  const textId = `unsaved-text-${note.id}`;
  const hintId = `unsaved-hint-${note.id}`;
  // The group or the task may be gone from the wall by now: then only what is known.
  const where = note.group && note.task ? t('unsaved.where', { group: note.group, task: note.task }) : note.group || note.task;

  // An experiment card's fields written here go with its text: copied, shown and posted again.
  const fields = carriedFields(note);
  const copied = [note.text, ...fields.map((f) => `${fieldLabel(t, f)}: ${note.experiment![f]}`)].join('\n');

  const copyNote = async () => {
    const ok = await copyText(copied, null);
    setCopy(ok ? 'copied' : 'failed');
    if (ok) {
      announce(t('unsaved.copied'));
      setTimeout(() => setCopy('idle'), 3000);
    } else {
      // Without a clipboard (plain http on a LAN address) the text is selected for the person to copy.
      const el = document.getElementById(textId);
      const selection = getSelection();
      if (el && selection) selection.selectAllChildren(el);
    }
  };

  const post = () => {
    const authorName = profile?.name ?? null;
    // As the note form does: anonymous notes carry no identifier, this device remembers their ids.
    const posted = postAgain(wall, note, authorName === null ? null : { name: authorName, id: getAuthorId() });
    if (posted.kind === 'failed') return setPostFailed(true);
    if (posted.kind === 'edited') {
      announce(t('unsaved.editSaved'));
      return refocus();
    }
    if (authorName === null) rememberOwnNote(wallId, posted.id);
    announce(t('addNote.added', { group: note.group }));
    refocus();
  };

  return (
    <li class="unsaved__note">
      {where && <p class="unsaved__where">{where}</p>}
      <div id={textId}>
        <p class="unsaved__text">{note.text}</p>
        {fields.length > 0 && <ExperimentFieldList experiment={note.experiment!} />}
      </div>
      <div class="unsaved__actions">
        <button type="button" class="button button--small button--primary" aria-describedby={textId} onClick={copyNote}>
          {copy === 'copied' ? `✓ ${t('links.copiedShort')}` : t('unsaved.copy')}
        </button>
        {online && (
          <button type="button" class="button button--small" aria-describedby={postable ? textId : `${textId} ${hintId}`} disabled={!postable} onClick={post}>
            {t(edit ? (fields.length > 0 ? 'unsaved.saveCardEdit' : 'unsaved.saveEdit') : 'unsaved.post')}
          </button>
        )}
      </div>
      {online && !postable && (
        <p class="unsaved__hint" id={hintId}>
          {t('unsaved.cannotPost')}
        </p>
      )}
      {copy === 'failed' && (
        <p class="form-error" role="alert">
          {t('unsaved.copyFailed')}
        </p>
      )}
      {postFailed && (
        <p class="form-error" role="alert">
          {t('addNote.failed', { max: LIMITS.notesMax })}
        </p>
      )}
    </li>
  );
}
