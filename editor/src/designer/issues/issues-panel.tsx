import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { showBlocks } from '../canvas/fit-view.ts';
import type { DesignerNode, LinkEdge } from '../canvas/flow-elements.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { issueText } from './issue-text.ts';

/**
 * Issues from the validator; clicking one selects its block, brings it into view and (through
 * `onOpenBlock`) opens the block's properties.
 */
export function IssuesPanel({ onOpenBlock }: { onOpenBlock?: () => void }) {
  const { t } = useTranslation('designer');
  const issues = useDesigner((s) => s.issues);
  const doc = useDesigner((s) => s.history.present);
  const checked = useDesigner((s) => s.issuesChecked);
  const definitions = useDesigner((s) => s.definitions);
  const flow = useReactFlow<DesignerNode, LinkEdge>();
  const store = useStoreApi();
  const show = (blockId: string, pointer: string | undefined) => {
    designer.focusField(pointer ? { blockId, pointer } : null);
    designer.select([blockId]);
    showBlocks(flow, store, [blockId]);
    onOpenBlock?.();
  };
  if (issues.length === 0)
    return <p className="muted panel-pad">{t(checked ? 'issues.none' : 'issues.checking')}</p>;
  return (
    <ul className="issues panel-pad" data-testid="issues">
      {issues.map((issue, index) => {
        const text = issueText(issue, doc, definitions);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: issues are recomputed as a whole
          <li key={index} className={`issue ${issue.severity}`}>
            <button
              type="button"
              disabled={!issue.blockId}
              title={issue.code}
              onClick={() => issue.blockId && show(issue.blockId, issue.pointer)}
            >
              <strong>{issue.severity === 'error' ? t('issues.error') : t('issues.warning')}</strong>
              {text.block && <span className="issue-block"> {text.block}:</span>} {text.message}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
