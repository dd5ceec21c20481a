import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useDesigner } from '../store/designer-store.ts';
import { useFormContext } from './form-context.ts';
import { isVisible, type JsonSchema, labelOf, orderedFields, resolve, typeOf } from './json-schema.ts';
import { ArrayOfObjects } from './widgets/array-of-objects.tsx';
import { BusinessHoursInput } from './widgets/business-hours-input.tsx';
import { DtmfOptionsWidget } from './widgets/dtmf-options-widget.tsx';
import { ExpressionInput } from './widgets/expression-input.tsx';
import { PromptsWidget } from './widgets/prompts-widget.tsx';
import { VariableInput } from './widgets/variable-input.tsx';

export interface FieldProps {
  name: string;
  path: string;
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown, path: string) => void;
}

/** One generic renderer for every block property: the schema (and its x-ui hints) decides the widget. */
export function SchemaField(props: FieldProps) {
  const { root, blockId } = useFormContext();
  const schema = resolve(props.schema, root);
  const id = useId();
  const label = labelOf(props.name, schema);
  const control = renderControl({ ...props, schema }, id);
  const inline = typeOf(schema) === 'boolean';
  const { problems, focused } = useFieldIssues(blockId, props.path);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  const classes = ['field', inline && 'inline', problems && 'has-issue', focused && 'field-focused']
    .filter(Boolean)
    .join(' ');
  return (
    <div ref={ref} className={classes} data-field={props.path}>
      {inline ? (
        <label htmlFor={id}>
          {control} {label}
        </label>
      ) : (
        <>
          <label htmlFor={id}>{label}</label>
          {control}
        </>
      )}
      {problems && (
        <p className="field-issue" role="alert">
          {problems}
        </p>
      )}
      {schema.description && <p className="help">{schema.description}</p>}
    </div>
  );
}

/** The messages of issues about this field (joined, so the selection is a stable string) and whether an issue points here now. */
function useFieldIssues(blockId: string, path: string) {
  const prefix = `/blocks/${blockId}/properties${path}`;
  const under = (pointer: string | undefined) =>
    !!pointer && (pointer === prefix || pointer.startsWith(`${prefix}/`));
  const problems = useDesigner((s) =>
    blockId
      ? s.issues
          .filter((i) => i.blockId === blockId && under(i.pointer))
          .map((i) => i.message.replace(/^Property \S+ /, ''))
          .join(' · ')
      : '',
  );
  const focused = useDesigner(
    (s) => !!blockId && s.focusedField?.blockId === blockId && under(s.focusedField.pointer),
  );
  return { problems, focused };
}

function renderControl(props: FieldProps, id: string): ReactNode {
  const { schema, value, path } = props;
  const set = (v: unknown) => props.onChange(v, path);
  const widget = schema['x-ui']?.widget;
  if (widget === 'prompts') return <PromptsWidget {...props} />;
  if (widget === 'dtmfOptions') return <DtmfOptionsWidget {...props} />;
  if (widget === 'variable') return <VariableInput id={id} value={value} onChange={set} />;
  if (widget === 'businessHours') return <BusinessHoursInput id={id} value={value} onChange={set} />;
  const type = typeOf(schema);
  if (schema.enum) {
    return (
      <select
        id={id}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => set(enumValue(schema, e.target.value))}
      >
        <option value="">—</option>
        {schema.enum.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    );
  }
  if (widget === 'expression') return <ExpressionInput id={id} value={value} onChange={set} />;
  switch (type) {
    case 'boolean':
      return (
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} />
      );
    case 'integer':
    case 'number':
      return (
        <input
          id={id}
          type="number"
          min={schema.minimum}
          max={schema.maximum}
          step={type === 'integer' ? 1 : 'any'}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'string':
      return widget === 'textarea' ? (
        <textarea
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(e.target.value || undefined)}
        />
      ) : (
        <input
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(e.target.value || undefined)}
        />
      );
    case 'object':
      return <ObjectFields {...props} />;
    case 'array':
      return <ArrayControl {...props} id={id} />;
    default:
      return <JsonInput id={id} value={value} onChange={set} />;
  }
}

function enumValue(schema: JsonSchema, raw: string): unknown {
  if (raw === '') return undefined;
  return schema.enum?.find((option) => String(option) === raw) ?? raw;
}

export function ObjectFields({ schema, value, path, onChange }: FieldProps) {
  const { root } = useFormContext();
  const object =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return (
    <fieldset className="object-fields">
      {orderedFields(schema, root)
        .filter(([, child]) => isVisible(child, object))
        .map(([name, child]) => (
          <SchemaField
            key={name}
            name={name}
            path={`${path}/${name}`}
            schema={child}
            value={object[name]}
            onChange={(v, p) => {
              const next = { ...object };
              if (v === undefined) delete next[name];
              else next[name] = v;
              onChange(next, p);
            }}
          />
        ))}
    </fieldset>
  );
}

function ArrayControl(props: FieldProps & { id: string }) {
  const { root } = useFormContext();
  const items = resolve(props.schema.items, root);
  const list = Array.isArray(props.value) ? props.value : [];
  if (typeOf(items) === 'object') return <ArrayOfObjects {...props} />;
  if (items.enum) {
    return (
      <div className="checkbox-group" id={props.id}>
        {items.enum.map((option) => (
          <label key={String(option)}>
            <input
              type="checkbox"
              checked={list.includes(option)}
              onChange={(e) =>
                props.onChange(
                  e.target.checked ? [...list, option] : list.filter((v) => v !== option),
                  props.path,
                )
              }
            />
            {String(option)}
          </label>
        ))}
      </div>
    );
  }
  return (
    <input
      id={props.id}
      placeholder="comma-separated"
      value={list.join(', ')}
      onChange={(e) =>
        props.onChange(
          e.target.value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          props.path,
        )
      }
    />
  );
}

function JsonInput({ id, value, onChange }: { id: string; value: unknown; onChange: (v: unknown) => void }) {
  return (
    <textarea
      id={id}
      className="expression"
      defaultValue={value === undefined ? '' : JSON.stringify(value, null, 2)}
      onBlur={(e) => {
        try {
          onChange(e.target.value.trim() ? JSON.parse(e.target.value) : undefined);
        } catch {
          // Leave the text for the user to fix; nothing is committed until it parses.
        }
      }}
    />
  );
}
