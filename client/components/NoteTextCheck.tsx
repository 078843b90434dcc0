/**
 * The checks a note's text passes before it is posted or saved (not empty, not too long, no
 * personal data unless the writer insists), and what the writer sees when one fails. Shared by
 * the add-note form and the note editor so both refuse the same things in the same words.
 */
import { useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import { personalDataKinds, type PersonalDataKind } from '../../shared/personalData';
import { useT } from '../i18n';
import { PersonalDataWarning } from './PersonalDataWarning';

export function useNoteTextCheck(emptyMessage: string) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<PersonalDataKind[] | null>(null);

  /** The personal-data kinds in `text` when it may go ahead; null after showing why it may not. */
  const check = (text: string, anyway: boolean): PersonalDataKind[] | null => {
    const trimmed = text.trim();
    const over = trimmed.length - LIMITS.noteTextMax;
    const problem = !trimmed ? emptyMessage : over > 0 ? t('addNote.tooLong', { over }) : null;
    if (problem) {
      setError(problem);
      return null;
    }
    const kinds = personalDataKinds(trimmed);
    if (kinds.length > 0 && !anyway) {
      setWarning(kinds);
      return null;
    }
    return kinds;
  };

  return { error, setError, warning, setWarning, check };
}

interface FeedbackProps {
  /** Id prefix of the form: the textarea is `${ids}-text`. */
  ids: string;
  error: string | null;
  warning: PersonalDataKind[] | null;
  editing?: boolean;
  clearWarning: () => void;
  goAhead: () => void;
}

export function NoteTextFeedback({ ids, error, warning, editing, clearWarning, goAhead }: FeedbackProps) {
  return (
    <>
      {error && (
        <p id={`${ids}-error`} class="form-error" role="alert">
          {error}
        </p>
      )}
      {warning && (
        <PersonalDataWarning
          id={`${ids}-warning`}
          kinds={warning}
          editing={editing}
          onEdit={() => {
            clearWarning();
            document.getElementById(`${ids}-text`)?.focus();
          }}
          onPostAnyway={goAhead}
        />
      )}
    </>
  );
}
