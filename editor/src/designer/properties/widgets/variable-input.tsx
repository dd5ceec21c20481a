import { useFormContext } from '../form-context.ts';

/** A variable name with suggestions from the declared and system variables. */
export function VariableInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const { variableNames } = useFormContext();
  return (
    <>
      <input
        id={id}
        list={`${id}-variables`}
        spellCheck={false}
        placeholder="variable"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
      <datalist id={`${id}-variables`}>
        {variableNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
