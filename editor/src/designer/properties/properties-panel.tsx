import { useEffect, useMemo, useState } from 'react';
import { businessHoursApi } from '../../api/endpoints.ts';
import { PHASE_LABELS } from '../flow/phases.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { selectedBlockKey, selectVariables } from '../store/selectors.ts';
import { SYSTEM_VARIABLES } from '../variables/system-variables.ts';
import { FormContext, type FormContextValue } from './form-context.ts';
import { isVisible, type JsonSchema, orderedFields } from './json-schema.ts';
import { SchemaField } from './schema-field.tsx';

export function PropertiesPanel() {
  const key = useDesigner(selectedBlockKey);
  const ids = key ? key.split(',') : [];
  if (ids.length === 0) return <p className="muted panel-pad">Select a block to edit its properties.</p>;
  if (ids.length > 1) return <p className="muted panel-pad">{ids.length} blocks selected.</p>;
  return <BlockProperties key={ids[0]} blockId={ids[0]!} />;
}

function BlockProperties({ blockId }: { blockId: string }) {
  const block = useDesigner((s) => s.history.present.blocks[blockId]);
  const definition = useDesigner((s) => (block ? s.definitions[block.type] : undefined));
  const isStart = useDesigner((s) => !!block && s.history.present.phases[block.phase] === blockId);
  const variables = useDesigner(selectVariables);
  const businessHoursNames = useBusinessHoursNames();
  const [tab, setTab] = useState(definition?.ui?.tabs?.[0]?.id ?? '');

  const root = (definition?.properties ?? {}) as JsonSchema;
  const context = useMemo<FormContextValue>(
    () => ({
      root,
      variableNames: [...variables.map((v) => v.name), ...SYSTEM_VARIABLES],
      businessHoursNames,
      blockId,
    }),
    [root, variables, businessHoursNames, blockId],
  );
  // An issue clicked in the Issues panel opens the tab that holds its field.
  const focused = useDesigner((s) => (s.focusedField?.blockId === blockId ? s.focusedField.pointer : null));
  useEffect(() => {
    const field = focused && /^\/blocks\/[^/]+\/properties\/([^/]+)/.exec(focused)?.[1];
    const holder = field && definition?.ui?.tabs?.find((t) => t.fields.includes(field));
    if (holder) setTab(holder.id);
  }, [focused, definition]);
  if (!block) return null;
  const properties = block.properties as Record<string, unknown>;
  const tabs = definition?.ui?.tabs ?? [];
  const activeTab = tabs.find((t) => t.id === tab) ?? tabs[0];
  const fields = orderedFields(root, root).filter(
    ([name, schema]) => (!activeTab || activeTab.fields.includes(name)) && isVisible(schema, properties),
  );

  return (
    <div className="properties panel-pad" data-testid="properties-panel">
      <h2>{definition?.title ?? block.type}</h2>
      {definition?.description && <p className="help">{definition.description}</p>}
      <div className="field">
        <label htmlFor={`label-${blockId}`}>Label</label>
        <input
          id={`label-${blockId}`}
          value={block.label ?? ''}
          onChange={(e) =>
            designer.updateBlock(blockId, { label: e.target.value || undefined }, `label:${blockId}`)
          }
        />
      </div>
      <div className="block-meta">
        <span className="muted">
          {blockId} · {PHASE_LABELS[block.phase]}
        </span>
        {isStart ? (
          <span className="start-badge-text">▶ Phase start</span>
        ) : (
          <button type="button" onClick={() => designer.setPhaseStart(blockId)}>
            Make phase start
          </button>
        )}
        <label>
          <input
            type="checkbox"
            checked={block.disabled === true}
            onChange={(e) => designer.updateBlock(blockId, { disabled: e.target.checked || undefined }, null)}
          />
          Disabled
        </label>
      </div>
      {tabs.length > 1 && (
        <div className="tabs" role="tablist">
          {tabs.map((t) => (
            <button
              type="button"
              role="tab"
              key={t.id}
              aria-selected={t.id === activeTab?.id}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      )}
      <FormContext.Provider value={context}>
        {fields.map(([name, schema]) => (
          <SchemaField
            key={name}
            name={name}
            path={`/${name}`}
            schema={schema}
            value={properties[name]}
            onChange={(value, path) => {
              const current = useDesigner.getState().history.present.blocks[blockId]?.properties;
              const next: Record<string, unknown> = { ...current };
              if (value === undefined) delete next[name];
              else next[name] = value;
              designer.updateProperties(blockId, next, `props:${blockId}:${path}`);
            }}
          />
        ))}
      </FormContext.Provider>
      <div className="field">
        <label htmlFor={`notes-${blockId}`}>Notes</label>
        <textarea
          id={`notes-${blockId}`}
          value={block.notes ?? ''}
          onChange={(e) =>
            designer.updateBlock(blockId, { notes: e.target.value || undefined }, `notes:${blockId}`)
          }
        />
      </div>
    </div>
  );
}

let businessHoursCache: Promise<string[]> | undefined;

function useBusinessHoursNames(): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    businessHoursCache ??= businessHoursApi
      .list()
      .then((r) => r.items.map((h) => h.name))
      .catch(() => []);
    let live = true;
    void businessHoursCache.then((n) => live && setNames(n));
    return () => {
      live = false;
    };
  }, []);
  return names;
}
