import type { VariableDeclaration } from '../../../../schemas/application.generated.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { selectVariables } from '../store/selectors.ts';
import { SYSTEM_VARIABLES } from './system-variables.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Shows a default as typed: strings bare, anything else as JSON. */
function formatDefault(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Reads a default: JSON when it parses as a number, boolean, null, array or object; else a string. */
function parseDefault(text: string): unknown {
  if (text === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'string' ? text : parsed;
  } catch {
    return text;
  }
}

export function VariablesPanel() {
  const variables = useDesigner(selectVariables);
  const update = (index: number, patch: Partial<VariableDeclaration>, group: string | null) => {
    const next = variables.map((v, i) => {
      if (i !== index) return v;
      const merged = { ...v, ...patch };
      for (const key of Object.keys(merged) as (keyof VariableDeclaration)[]) {
        if (merged[key] === undefined) delete merged[key];
      }
      return merged;
    });
    designer.setVariables(next, group);
  };
  const add = () => {
    let n = variables.length + 1;
    while (variables.some((v) => v.name === `var${n}`)) n++;
    designer.setVariables([...variables, { name: `var${n}` }], null);
  };

  return (
    <div className="variables panel-pad" data-testid="variables-panel">
      <h2>Variables</h2>
      <table className="list compact">
        <thead>
          <tr>
            <th>Name</th>
            <th>Default</th>
            <th title="Masked in traces and logs">Secure</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {variables.map((v, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: names change while typing, order is the identity
            <tr key={index}>
              <td>
                <input
                  aria-label="Variable name"
                  className={NAME.test(v.name) ? undefined : 'invalid'}
                  value={v.name}
                  onChange={(e) => update(index, { name: e.target.value }, `var:${index}:name`)}
                />
              </td>
              <td>
                <input
                  aria-label="Default value"
                  value={formatDefault(v.default)}
                  onChange={(e) =>
                    update(
                      index,
                      { default: parseDefault(e.target.value) as VariableDeclaration['default'] },
                      `var:${index}:default`,
                    )
                  }
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label="Secure"
                  checked={v.secure === true}
                  onChange={(e) => update(index, { secure: e.target.checked || undefined }, null)}
                />
              </td>
              <td>
                <button
                  type="button"
                  title="Remove"
                  onClick={() =>
                    designer.setVariables(
                      variables.filter((_, i) => i !== index),
                      null,
                    )
                  }
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={add}>
        + Variable
      </button>
      <h3>System variables</h3>
      <p className="muted">{SYSTEM_VARIABLES.join(', ')}</p>
    </div>
  );
}
