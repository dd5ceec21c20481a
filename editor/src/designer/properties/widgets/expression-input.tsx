import { parseExpression } from '../../../../../schemas/expressions/index.ts';

/** An expression, checked with the shared parser as the user types (the runtime checks it again). */
export function ExpressionInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const source = typeof value === 'string' ? value : '';
  const parsed = source.trim() ? parseExpression(source) : null;
  return (
    <>
      <input
        id={id}
        className={`expression${parsed && !parsed.ok ? ' invalid' : ''}`}
        spellCheck={false}
        placeholder="expression, e.g. ANI.startsWith('+1')"
        value={source}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      {parsed && !parsed.ok && <p className="help error">{parsed.message}</p>}
    </>
  );
}
