/**
 * A note's place in the thread from a problem to an experiment: the chosen mark, the note it
 * continues ("continues: …") and the notes that continue it ("continued in N notes"). Links go
 * to the other note's task and focus the note there.
 */
import type { Note } from '../../shared/wall';
import { useT } from '../i18n';
import { focusWhenPresent, noteSelector } from '../moves';
import { showTask } from '../sync/viewedTask';
import type { ThreadLinks } from '../threadIndex';

const SNIPPET = 60;
const snippet = (text: string) => (text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text);

/** Shows `note`'s task and focuses the note. */
export function goToNote(note: Pick<Note, 'id' | 'taskId'>): void {
  showTask(note.taskId);
  focusWhenPresent(noteSelector(note.id));
}

export function NoteLink({ note, label }: { note: Note; label: string }) {
  return (
    <a
      class="note-link"
      href={`#note-${note.id}`}
      onClick={(e) => {
        e.preventDefault();
        goToNote(note);
      }}
    >
      {label}
    </a>
  );
}

/** `links` leave out hidden notes for participants (client/threadIndex.ts): they would lead nowhere. */
export function NoteThread({ note, links }: { note: Note; links: ThreadLinks }) {
  const t = useT();
  const { origin, continuations } = links;
  if (!note.chosen && !origin && continuations.length === 0) return null;

  return (
    <div class="note-thread">
      {note.chosen && (
        <p class="note-thread__chosen">
          <span aria-hidden="true">✓</span> {t('process.thread.chosen')}
        </p>
      )}
      {origin && (
        <p>
          <NoteLink note={origin} label={t('process.thread.continues', { text: snippet(origin.text) })} />
        </p>
      )}
      {continuations.length > 0 && (
        <div>
          <p>{t.plural('process.thread.continued', continuations.length)}</p>
          <ul class="note-thread__list">
            {continuations.map((c) => (
              <li key={c.id}>
                <NoteLink note={c} label={snippet(c.text)} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
