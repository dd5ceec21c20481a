import { useFormContext } from '../form-context.ts';

/** A business-hours resource by name, picked from those the runtime has. */
export function BusinessHoursInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const { businessHoursNames } = useFormContext();
  return (
    <>
      <input
        id={id}
        list={`${id}-hours`}
        placeholder="business hours name"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
      <datalist id={`${id}-hours`}>
        {businessHoursNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
