/** The note colour as a radio group of swatches; each swatch has its colour name as label. */
import { NOTE_COLORS, type NoteColor } from '../../shared/schemas';
import { useT } from '../i18n';

interface Props {
  name: string;
  legend: string;
  value: NoteColor;
  onChange: (color: NoteColor) => void;
}

export function ColorPicker({ name, legend, value, onChange }: Props) {
  const t = useT();
  return (
    <fieldset class="color-picker">
      <legend>{legend}</legend>
      <div class="color-picker__swatches">
        {NOTE_COLORS.map((color) => (
          <label key={color} class={`swatch note--${color}`} title={t(`color.${color}`)}>
            <input
              type="radio"
              name={name}
              value={color}
              checked={value === color}
              onChange={() => onChange(color)}
            />
            <span class="sr-only">{t(`color.${color}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
