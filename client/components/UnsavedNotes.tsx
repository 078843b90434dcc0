/**
 * The person's notes the server does not have after a refused change (the facilitator locked
 * the task just before the note arrived), each with its text and a copy button, so the idea can
 * be posted again once the task opens or handed to the facilitator. Stays over the reload and
 * until dismissed; a note whose text is on the synced wall again drops out by itself.
 */
import { useEffect, useState } from 'preact/hooks';
import { announce } from '../announce';
import { useT } from '../i18n';
import { useStatus, useWall } from '../sync/hooks';
import { stillUnsaved, type UnsavedNote } from '../sync/unsavedNotes';
import { useWallContext } from '../views/wallContext';
import { copyText } from './CopyLink';
import '../styles/unsaved-notes.css';

export function UnsavedNotes() {
  const { session } = useWallContext();
  // Most pages never have any: only a list that exists follows the wall's changes.
  if (session.unsaved.value.length === 0 && session.unsavedCheck.value !== 'checking') return null;
  return <UnsavedList />;
}

function UnsavedList() {
  const t = useT();
  const { session, wall } = useWallContext();
  const { status } = useStatus(session);
  const carried = session.unsaved.value;
  const check = session.unsavedCheck.value;
  // Re-render on every wall change: posting the text again removes its entry.
  useWall(wall, (w) => w.notes());
  // Before the page is back in sync its doc is not the server's (it may still hold the refused note).
  const shown = status === 'online' ? stillUnsaved(carried, wall) : carried;

  useEffect(() => {
    if (shown.length < carried.length) {
      session.keepUnsaved(shown);
      announce(t('unsaved.savedAgain'));
    }
  });
  useEffect(() => {
    if (check !== 'checking' && carried.length > 0) announce(t.plural('unsaved.found', carried.length));
    // Once when the list is found, and once on the reloaded page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [check]);

  if (shown.length === 0 && check !== 'checking') return null;

  return (
    <section class="unsaved" aria-labelledby="unsaved-title" data-testid="unsaved-notes">
      <h2 id="unsaved-title">{t('unsaved.title')}</h2>
      {check === 'checking' && shown.length === 0 ? (
        <p>{t('unsaved.checking')}</p>
      ) : (
        <>
          <p>{t(check === 'failed' ? 'unsaved.introUnchecked' : 'unsaved.intro')}</p>
          <ul class="unsaved__list">
            {shown.map((note) => (
              <UnsavedItem key={note.id} note={note} />
            ))}
          </ul>
          <button type="button" class="button" onClick={() => session.keepUnsaved([])}>
            {t('unsaved.dismiss')}
          </button>
        </>
      )}
    </section>
  );
}

function UnsavedItem({ note }: { note: UnsavedNote }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const textId = `unsaved-text-${note.id}`;
  // The group or the task may be gone from the wall by now: then only what is known.
  const where = note.group && note.task ? t('unsaved.where', { group: note.group, task: note.task }) : note.group || note.task;

  const copy = async () => {
    const ok = await copyText(note.text, null);
    setState(ok ? 'copied' : 'failed');
    if (ok) {
      announce(t('unsaved.copied'));
      setTimeout(() => setState('idle'), 3000);
    } else {
      // Without a clipboard (plain http on a LAN address) the text is selected for the person to copy.
      const el = document.getElementById(textId);
      const selection = getSelection();
      if (el && selection) selection.selectAllChildren(el);
    }
  };

  return (
    <li class="unsaved__note">
      {where && <p class="unsaved__where">{where}</p>}
      <p class="unsaved__text" id={textId}>
        {note.text}
      </p>
      <button type="button" class="button button--small button--primary" aria-describedby={textId} onClick={copy}>
        {state === 'copied' ? `✓ ${t('links.copiedShort')}` : t('unsaved.copy')}
      </button>
      {state === 'failed' && (
        <p class="form-error" role="alert">
          {t('unsaved.copyFailed')}
        </p>
      )}
    </li>
  );
}
