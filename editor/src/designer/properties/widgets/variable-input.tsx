import { designer, useDesigner } from '../../store/designer-store.ts';
import { selectVariables } from '../../store/selectors.ts';
import { useFormContext } from '../form-context.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A variable name with suggestions from the declared and system variables. A new name can be
 * declared from here, so filling in a block does not mean a trip to the Variables tab first.
 */
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
  const variables = useDesigner(selectVariables);
  const name = typeof value === 'string' ? value : '';
  const undeclared = NAME.test(name) && !variableNames.includes(name);
  return (
    <>
      <input
        id={id}
        list={`${id}-variables`}
        spellCheck={false}
        placeholder="variable"
        value={name}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
      <datalist id={`${id}-variables`}>
        {variableNames.map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
      {undeclared && (
        <p className="help warning-text">
          {name} is not declared.{' '}
          <button
            type="button"
            className="declare-variable"
            onClick={() => designer.setVariables([...variables, { name }], null)}
          >
            Declare {name}
          </button>
        </p>
      )}
    </>
  );
}
