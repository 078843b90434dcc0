/** A facilitator's on/off setting as a checkbox, so its state is visible (and heard) as text. */
interface Props {
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}

export function ControlToggle({ label, hint, checked, onChange }: Props) {
  return (
    <label class="choice">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>
        {label}
        {hint && <span class="hint">{hint}</span>}
      </span>
    </label>
  );
}
