import { toggled } from './access-forms.ts';

/** A group of checkboxes over a list of names (roles, access groups). */
export function CheckList({
  legend,
  options,
  selected,
  label = (option) => option,
  onChange,
  disabled = false,
}: {
  legend: string;
  options: readonly string[];
  selected: readonly string[];
  label?: (option: string) => string;
  onChange: (next: string[]) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="check-list" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input
            type="checkbox"
            checked={selected.includes(option)}
            onChange={(e) => onChange(toggled(selected, option, e.target.checked))}
          />
          {label(option)}
        </label>
      ))}
    </fieldset>
  );
}
