import { type FormEvent, useState } from 'react';
import { isWritableVariable } from '../variables/system-variables.ts';
import { formatVariableValue, parseVariableValue } from './variable-value.ts';

interface Props {
  variables: Record<string, unknown>;
  /** Null when the call has ended and values can no longer change. */
  onChange: ((name: string, value: unknown) => Promise<unknown> | unknown) | null;
}

/** The call's variables; while the call is live each value can be replaced with a JSON value. */
export function VariableInspector({ variables, onChange }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const names = Object.keys(variables).sort((a, b) => a.localeCompare(b));

  const edit = (name: string) => {
    setEditing(name);
    setText(formatVariableValue(variables[name]));
    setError(null);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseVariableValue(text);
    if (!parsed.ok) return setError(parsed.message);
    await onChange?.(editing!, parsed.value);
    setEditing(null);
  };

  if (names.length === 0) return <p className="muted">No variables yet.</p>;
  return (
    <table className="list compact variable-inspector" data-testid="call-variables">
      <tbody>
        {names.map((name) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>
              {editing === name ? (
                <form className="inline-form" onSubmit={(e) => void save(e)}>
                  <input
                    aria-label={`Value of ${name}`}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    // biome-ignore lint/a11y/noAutofocus: the field the user just asked to edit
                    autoFocus
                  />
                  <button type="submit">Set</button>
                  <button type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                  {error && (
                    <span role="alert" className="error">
                      {error}
                    </span>
                  )}
                </form>
              ) : (
                <code>{formatVariableValue(variables[name]) || '(not set)'}</code>
              )}
            </td>
            <td>
              {onChange && editing !== name && isWritableVariable(name) && (
                <button type="button" className="link" aria-label={`Edit ${name}`} onClick={() => edit(name)}>
                  Edit
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
