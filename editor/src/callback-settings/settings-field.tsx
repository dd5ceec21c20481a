import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsField as Field, FieldControl, Unit } from './settings-groups.ts';
import { fieldSchema } from './settings-groups.ts';
import type { ReferenceOptions } from './settings-references.ts';

export interface FieldProps {
  field: Field;
  control: FieldControl;
  unit: Unit | undefined;
  value: unknown;
  required: boolean;
  /** The queue's name is its key: fixed once the queue is saved. */
  readOnly: boolean;
  error: string | undefined;
  references: ReferenceOptions;
  onChange: (field: Field, value: unknown) => void;
}

/** One setting: its name, required mark, control with unit, short help and the problem beside it. */
export const SettingsField = memo(function SettingsField(props: FieldProps) {
  const { t } = useTranslation('callbackSettings');
  const { field, control, unit, required, error } = props;
  const id = `setting-${field}`;
  const described = [unit && `${id}-unit`, error && `${id}-error`, `${id}-help`].filter(Boolean).join(' ');
  const name = t(`fields.${field}.name`);
  const isSwitch = control.kind === 'switch';
  return (
    <div
      className={`settings-field${error ? ' has-error' : ''}${isSwitch ? ' is-switch' : ''}`}
      data-field={field}
    >
      {!isSwitch && (
        <div className="field-name-row">
          <label htmlFor={id} className="field-name">
            {name}
          </label>
          {/* Outside the label, so the field's name stays its name; aria-required says it. */}
          {required && (
            <span className="required-mark" title={t('required')} aria-hidden="true">
              *
            </span>
          )}
        </div>
      )}
      <div className="field-control">
        <Control {...props} id={id} described={described} />
        {isSwitch && (
          <label htmlFor={id} className="field-name">
            {name}
          </label>
        )}
        {unit && (
          <span className="field-unit" id={`${id}-unit`}>
            {t(`units.${unit}`)}
          </span>
        )}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <p className="field-help" id={`${id}-help`}>
        {t(`fields.${field}.help`)}
        <DefaultHint {...props} />
      </p>
    </div>
  );
});

function DefaultHint({ field, control }: FieldProps) {
  const { t } = useTranslation('callbackSettings');
  const fallback = fieldSchema(field).default;
  if (fallback === undefined) return null;
  const shown = control.kind === 'switch' ? t(fallback ? 'on' : 'off') : String(fallback);
  return <span className="field-default"> {t('defaultValue', { value: shown })}</span>;
}

interface ControlProps extends FieldProps {
  id: string;
  described: string;
}

function Control(props: ControlProps) {
  const { t } = useTranslation('callbackSettings');
  const { field, control, value, required, readOnly, error, references, onChange, id, described } = props;
  const common = {
    id,
    'aria-describedby': described,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-required': required ? (true as const) : undefined,
  };
  const text = value === undefined || value === null ? '' : String(value);
  const set = (next: unknown) => onChange(field, next);
  const property = fieldSchema(field);
  const textInput = (monospace = false) => (
    <input
      type="text"
      {...common}
      className={monospace ? 'monospace' : undefined}
      readOnly={readOnly}
      maxLength={property.maxLength ?? 64}
      value={text}
      onChange={(e) => set(e.target.value)}
    />
  );
  const picker = (choices: readonly Choice[] | null, emptyLabel: string) =>
    choices === null ? (
      textInput()
    ) : (
      <Picker {...common} value={text} choices={choices} emptyLabel={emptyLabel} onPick={set} />
    );
  const emptyLabel = required ? t('choose') : t('none');

  switch (control.kind) {
    case 'key':
      return textInput();
    case 'text':
      return textInput(control.monospace);
    case 'switch':
      return (
        <input
          type="checkbox"
          role="switch"
          {...common}
          checked={value === true}
          aria-checked={value === true}
          onChange={(e) => set(e.target.checked)}
        />
      );
    case 'number':
      return (
        <input
          type="number"
          inputMode="numeric"
          step={1}
          {...common}
          min={property.minimum}
          max={property.maximum}
          value={text}
          placeholder={property.default === undefined ? '' : String(property.default)}
          onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'choice':
      return (
        <select
          {...common}
          value={text}
          onChange={(e) => set(property.enum?.find((o) => String(o) === e.target.value))}
        >
          {property.enum?.map((option) => (
            <option key={String(option)} value={String(option)}>
              {typeof option === 'string' ? t(`choices.${field}.${option}`) : String(option)}
            </option>
          ))}
        </select>
      );
    case 'application':
      return picker(
        references.applications?.map((a) => ({
          value: a.id,
          label: `${a.name === a.id ? a.id : `${a.name} (${a.id})`}${a.published ? '' : ` — ${t('notPublished')}`}`,
          disabled: !a.published,
        })) ?? null,
        emptyLabel,
      );
    case 'businessHours':
      return picker(
        references.businessHours?.map((h) => ({ value: h.name, label: `${h.name} — ${h.timeZone}` })) ?? null,
        emptyLabel,
      );
    case 'rule':
      return picker(
        references.rules[control.rule]?.map((name) => ({ value: name, label: name })) ?? null,
        emptyLabel,
      );
  }
}

interface Choice {
  value: string;
  label: string;
  disabled?: boolean;
}

interface PickerProps {
  id: string;
  'aria-describedby': string;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
  value: string;
  choices: readonly Choice[];
  emptyLabel: string;
  onPick: (value: string | undefined) => void;
}

/** A select over the tenant's resources; a saved name the list no longer holds stays visible. */
function Picker({ value, choices, emptyLabel, onPick, ...common }: PickerProps) {
  const { t } = useTranslation('callbackSettings');
  const missing = value !== '' && !choices.some((c) => c.value === value);
  return (
    <select {...common} value={value} onChange={(e) => onPick(e.target.value || undefined)}>
      <option value="">{emptyLabel}</option>
      {missing && <option value={value}>{t('notFound', { name: value })}</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value} disabled={c.disabled}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
