/**
 * The person's notes the server does not have after a refused change (the facilitator locked
 * the task just before the note arrived), each with its text, a copy button and, once the wall
 * is back in sync and the task open, a button that posts it again (UnsavedNoteItem), so the idea
 * can be put back or handed to the facilitator. Stays over the reload and until closed (which can
 * be undone, as a deletion can: the text may be nowhere else); a note whose text is on the synced
 * wall again drops out by itself.
 */
import { useEffect, useState } from 'preact/hooks';
import { announce } from '../announce';
import { useT } from '../i18n';
import { useStatus, useWall } from '../sync/hooks';
import { mayPostAgain } from '../sync/postAgain';
import { mergeUnsaved, stillUnsaved, type UnsavedNote } from '../sync/unsavedNotes';
import { useWallContext } from '../views/wallContext';
import { UndoToast, type UndoOffer } from './UndoToast';
import { UnsavedNoteItem } from './UnsavedNoteItem';
import '../styles/unsaved-notes.css';

let offerIds = 0;

export function UnsavedNotes() {
  const t = useT();
  const work = useWallContext().session.unsavedWork;
  const [offer, setOffer] = useState<UndoOffer | null>(null);

  const close = (closed: readonly UnsavedNote[]) => {
    work.keep([]);
    announce(t('unsaved.closed'));
    setOffer({
      id: ++offerIds,
      message: t('unsaved.closed'),
      undo: () => {
        // A refusal meanwhile may have listed notes again: keep those too.
        work.keep(mergeUnsaved(closed, work.notes.value));
        setTimeout(() => document.getElementById('unsaved-title')?.focus());
      },
    });
    // The button goes with the list: the keyboard goes to the undo.
    setTimeout(() => document.querySelector<HTMLElement>('[data-testid="unsaved-undo"] .toast button')?.focus());
  };

  const done = () => {
    setOffer(null);
    // The toast is outside the wall's <main>, which its own fallback looks for: focus it here.
    setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) document.getElementById('main')?.focus();
    });
  };

  // Most pages never have any: only a list that exists follows the wall's changes.
  const listed = work.notes.value.length > 0 || work.check.value === 'checking';
  return (
    <>
      {listed && <UnsavedList onClose={close} />}
      {offer && (
        // Outside the wall's <main>: a landmark of its own, so that no content is outside one.
        <section aria-label={t('unsaved.title')} data-testid="unsaved-undo">
          <UndoToast offer={offer} onDone={done} />
        </section>
      )}
    </>
  );
}

function UnsavedList({ onClose }: { onClose: (closed: readonly UnsavedNote[]) => void }) {
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
          <button type="button" class="button" onClick={() => onClose(shown)}>
            {t('unsaved.dismiss')}
          </button>
        </>
      )}
    </section>
  );
}
