/**
 * What every kind of rule shares on the Tools tab: the list of rules beside the open one's
 * editor, and the editor's head (name, save or create, delete unless a queue uses the rule). A
 * save reopens the rule as the runtime now lists it; a delete closes it.
 */
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/http.ts';
import { type RuleDocuments, type RuleKind, rulesApi } from '../shared/api.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { useLoader } from '../shared/use-loader.ts';
import { RuleList, type RuleListEntry } from './rule-list.tsx';

export type RuleEntry<K extends RuleKind> = RuleListEntry<RuleDocuments[K]>;

export interface RuleEditorProps<K extends RuleKind> {
  /** Null for a rule being created. */
  entry: RuleEntry<K> | null;
  /** After a save (the rule as saved) or a delete (null). */
  onChanged: (rule: RuleDocuments[K] | null) => Promise<void>;
}

export function RuleScreen<K extends RuleKind>(props: {
  kind: K;
  /** Shown while no rule is open. */
  pick?: string;
  /** Shown above the editor, whether or not a rule is open. */
  above?: ReactNode;
  error?: string | null;
  editor: (props: RuleEditorProps<K>) => ReactNode;
}) {
  const rules = useLoader(() => rulesApi.list(props.kind), [props.kind]);
  const { t } = useTranslation('tools');
  const [open, setOpen] = useState<RuleEntry<K> | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const onChanged = async (rule: RuleDocuments[K] | null) => {
    const fresh = await rulesApi.list(props.kind);
    await rules.reload();
    setOpen(rule ? (fresh.items.find((e) => e.rule.name === rule.name) ?? null) : null);
    setSaved(rule !== null);
  };
  const openRule = (next: RuleEntry<K> | 'new') => {
    setSaved(false);
    setOpen(next);
  };
  const entry = open === 'new' ? null : open;
  return (
    <div className="split">
      <RuleList
        entries={rules.data?.items ?? []}
        selected={entry?.rule.name ?? null}
        onOpen={openRule}
        onNew={() => openRule('new')}
      />
      <div className="scroll">
        <ErrorBanner error={rules.error ?? props.error ?? null} />
        {props.above}
        {saved && (
          <p className="ok" role="status">
            {t('saved')}
          </p>
        )}
        {open === null ? (
          props.pick && <p className="muted">{props.pick}</p>
        ) : (
          <div key={entry?.rule.name ?? ''}>{props.editor({ entry, onChanged })}</div>
        )}
      </div>
    </div>
  );
}

/** The editor's first row: the name (fixed once saved), save or create, delete, and where it is used. */
export function RuleHead<K extends RuleKind>(props: {
  kind: K;
  entry: RuleEntry<K> | null;
  name: string;
  onName: (name: string) => void;
  canSave: boolean;
  onSave: () => void;
  onChanged: (rule: null) => Promise<void>;
  onError: (message: string) => void;
  /** Buttons after save (revert). */
  children?: ReactNode;
  notice?: string | null;
}) {
  const { t } = useTranslation('tools');
  const saved = props.entry?.rule;
  const queues = props.entry?.queues ?? [];
  const remove = async () => {
    try {
      await rulesApi.remove(props.kind, saved!.name);
      await props.onChanged(null);
    } catch (e) {
      props.onError(describeError(e));
    }
  };
  return (
    <>
      <div className="row">
        <label>
          {t('name')}
          <input value={props.name} disabled={!!saved} onChange={(e) => props.onName(e.target.value)} />
        </label>
        <button
          type="button"
          className="primary"
          disabled={!props.name.trim() || !props.canSave}
          onClick={props.onSave}
        >
          {saved ? t('save') : t('create')}
        </button>
        {props.children}
        {saved && (
          <button type="button" className="danger" disabled={queues.length > 0} onClick={() => void remove()}>
            {t('delete')}
          </button>
        )}
        {props.notice && (
          <span className="ok" role="status">
            {props.notice}
          </span>
        )}
      </div>
      {queues.length > 0 && <p className="muted">{t('inUse', { queues: queues.join(', ') })}</p>}
    </>
  );
}
