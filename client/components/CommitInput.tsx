/**
 * A text field over a value in the wall: the user's draft is kept while they type (a remote
 * change does not overwrite it) and written back on blur or Enter. Used by the process editor.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  id: string;
  value: string;
  maxLength: number;
  multiline?: boolean;
  onCommit: (value: string) => void;
}

export function CommitInput({ id, value, maxLength, multiline, onCommit }: Props) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  const commit = () => {
    const next = draft.trim();
    // An emptied title would leave a nameless workshop or task: keep the old one instead.
    if (!multiline && !next) return setDraft(value);
    if (next !== value) onCommit(next);
  };
  const common = {
    id,
    maxLength,
    value: draft,
    onFocus: () => (focused.current = true),
    onBlur: () => {
      focused.current = false;
      commit();
    },
    onInput: (e: Event) => setDraft((e.currentTarget as HTMLInputElement).value),
  };
  if (multiline) return <textarea rows={3} {...common} />;
  return (
    <input
      type="text"
      {...common}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}
