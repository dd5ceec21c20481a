import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IssuesPanel } from './issues/issues-panel.tsx';
import { PropertiesPanel } from './properties/properties-panel.tsx';
import { PublishPanel } from './publish/publish-panel.tsx';
import { useDesigner } from './store/designer-store.ts';
import { TestCallPanel } from './test-call/test-call-panel.tsx';
import { VariablesPanel } from './variables/variables-panel.tsx';

type Tab = 'properties' | 'variables' | 'issues' | 'publish' | 'test';

/** Tabs a block click leaves for Properties: they show nothing about the block picked. */
const LEAVE_ON_SELECT: ReadonlySet<Tab> = new Set(['issues', 'variables']);

const selectedBlock = (s: ReturnType<typeof useDesigner.getState>) => {
  const selected = s.nodes.filter((n) => n.type === 'block' && n.selected);
  return selected.length === 1 ? selected[0]!.id : null;
};

export function SidePanel() {
  const { t } = useTranslation('designer');
  const [tab, setTab] = useState<Tab>('properties');
  // The test call panel mounts when first opened (its requests and simulator controls are not
  // part of opening a flow), then stays mounted so a running test call survives switching tabs.
  const [testOpened, setTestOpened] = useState(false);
  if (tab === 'test' && !testOpened) setTestOpened(true);
  const errors = useDesigner((s) => s.issues.filter((i) => i.severity === 'error').length);
  const warnings = useDesigner((s) => s.issues.length) - errors;
  const checked = useDesigner((s) => s.issuesChecked);
  const selected = useDesigner(selectedBlock);

  useEffect(() => {
    if (selected) setTab((current) => (LEAVE_ON_SELECT.has(current) ? 'properties' : current));
  }, [selected]);

  const tabs: [Tab, string][] = [
    ['properties', t('panel.properties')],
    ['variables', t('panel.variables')],
    [
      'issues',
      errors + warnings
        ? t('panel.issuesCounted', { errors, warnings })
        : t(checked ? 'panel.issues' : 'panel.issuesChecking'),
    ],
    ['publish', t('panel.publish')],
    ['test', t('panel.test')],
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
        {testOpened && (
          <div hidden={tab !== 'test'}>
            <TestCallPanel />
          </div>
        )}
      </div>
    </aside>
  );
}
