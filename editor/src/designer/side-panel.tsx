import { useState } from 'react';
import { IssuesPanel } from './issues/issues-panel.tsx';
import { PropertiesPanel } from './properties/properties-panel.tsx';
import { PublishPanel } from './publish/publish-panel.tsx';
import { useDesigner } from './store/designer-store.ts';
import { TestCallPanel } from './test-call/test-call-panel.tsx';
import { VariablesPanel } from './variables/variables-panel.tsx';

type Tab = 'properties' | 'variables' | 'issues' | 'publish' | 'test';

export function SidePanel() {
  const [tab, setTab] = useState<Tab>('properties');
  const errors = useDesigner((s) => s.issues.filter((i) => i.severity === 'error').length);
  const warnings = useDesigner((s) => s.issues.length) - errors;
  const tabs: [Tab, string][] = [
    ['properties', 'Properties'],
    ['variables', 'Variables'],
    ['issues', `Issues${errors + warnings ? ` (${errors}/${warnings})` : ''}`],
    ['publish', 'Publish'],
    ['test', 'Test call'],
  ];
  return (
    <aside className="side-panel">
      <div className="tabs side-panel-tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={id === 'issues' && errors ? 'has-errors' : undefined}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="side-panel-body">
        {tab === 'properties' && <PropertiesPanel />}
        {tab === 'variables' && <VariablesPanel />}
        {tab === 'issues' && <IssuesPanel onOpenBlock={() => setTab('properties')} />}
        {tab === 'publish' && <PublishPanel />}
        {/* Kept mounted so a running test call survives switching tabs. */}
        <div hidden={tab !== 'test'}>
          <TestCallPanel />
        </div>
      </div>
    </aside>
  );
}
