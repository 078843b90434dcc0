/**
 * The person's notes the server does not have after a refused change (the facilitator locked
 * the task just before the note arrived), each with its text, a copy button and, once the wall
 * is back in sync and the task open, a button that posts it again (UnsavedNoteItem), so the idea
 * can be put back or handed to the facilitator. Stays over the reload and until dismissed; a
 * note whose text is on the synced wall again drops out by itself.
 */
import { useEffect } from 'preact/hooks';
import { announce } from '../announce';
import { useT } from '../i18n';
import { useStatus, useWall } from '../sync/hooks';
import { mayPostAgain } from '../sync/postAgain';
import { stillUnsaved } from '../sync/unsavedNotes';
import { useWallContext } from '../views/wallContext';
import { UnsavedNoteItem } from './UnsavedNoteItem';
import '../styles/unsaved-notes.css';

export function UnsavedNotes() {
  const { notes, check } = useWallContext().session.unsavedWork;
  // Most pages never have any: only a list that exists follows the wall's changes.
  if (notes.value.length === 0 && check.value !== 'checking') return null;
  return <UnsavedList />;
}

function UnsavedList() {
  const t = useT();
  const { session, wall, info } = useWallContext();
  const { status } = useStatus(session);
  const online = status === 'online';
  const work = session.unsavedWork;
  const carried = work.notes.value;
  const check = work.check.value;
  // Re-render on every wall change: posting the text again removes its entry.
  useWall(wall, (w) => w.notes());
  // Before the page is back in sync its doc is not the server's (it may still hold the refused note).
  const shown = online ? stillUnsaved(carried, wall) : carried;

  useEffect(() => {
    if (shown.length < carried.length) {
      work.keep(shown);
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
      {/* Focusable: the banner's link and a note posted again move focus here. */}
      <h2 id="unsaved-title" tabIndex={-1}>
        {t('unsaved.title')}
      </h2>
      {check === 'checking' && shown.length === 0 ? (
        <p>{t('unsaved.checking')}</p>
      ) : (
        <>
          <p>{t(check === 'failed' ? 'unsaved.introUnchecked' : 'unsaved.intro')}</p>
          <ul class="unsaved__list">
            {shown.map((note) => (
              <UnsavedNoteItem
                key={note.id}
                note={note}
                online={online}
                postable={online && mayPostAgain(note, wall, info)}
                edit={online && wall.getNote(note.id) !== undefined}
              />
            ))}
          </ul>
          <button type="button" class="button" onClick={() => work.keep([])}>
            {t('unsaved.dismiss')}
          </button>
        </>
      )}
    </section>
  );
}
