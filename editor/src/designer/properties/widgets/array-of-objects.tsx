import { defaultsOf } from '../../flow/schema-defaults.ts';
import { useFormContext } from '../form-context.ts';
import { resolve } from '../json-schema.ts';
import { type FieldProps, ObjectFields } from '../schema-field.tsx';

/** A list of objects (conditions, assignments…): one sub-form per item, with add, remove and move. */
export function ArrayOfObjects({ schema, value, path, onChange }: FieldProps) {
  const { root } = useFormContext();
  const items = resolve(schema.items, root);
  const list = Array.isArray(value) ? value : [];
  const change = (next: unknown[], p = path) => onChange(next, p);
  return (
    <div className="array-items">
      {list.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity of their own
        <div className="array-item" key={index}>
          <ObjectFields
            name={String(index)}
            path={`${path}/${index}`}
            schema={items}
            value={item}
            onChange={(v, p) =>
              change(
                list.map((old, i) => (i === index ? v : old)),
                p,
              )
            }
          />
          <ItemButtons index={index} length={list.length} list={list} onChange={change} />
        </div>
      ))}
      {(schema.maxItems === undefined || list.length < schema.maxItems) && (
        <button type="button" onClick={() => change([...list, defaultsOf(items) ?? {}])}>
          + Add
        </button>
      )}
    </div>
  );
}

export function ItemButtons({
  index,
  length,
  list,
  onChange,
}: {
  index: number;
  length: number;
  list: unknown[];
  onChange: (next: unknown[]) => void;
}) {
  const move = (to: number) => {
    const next = [...list];
    const [item] = next.splice(index, 1);
    next.splice(to, 0, item);
    onChange(next);
  };
  return (
    <div className="item-buttons">
      <button type="button" title="Move up" disabled={index === 0} onClick={() => move(index - 1)}>
        ↑
      </button>
      <button type="button" title="Move down" disabled={index === length - 1} onClick={() => move(index + 1)}>
        ↓
      </button>
      <button type="button" title="Remove" onClick={() => onChange(list.filter((_, i) => i !== index))}>
        ✕
      </button>
    </div>
  );
}
