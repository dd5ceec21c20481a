import './callback-settings.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackSettings } from '../../../schemas/callback-settings.generated.ts';
import { callbackSettingsApi } from '../api/endpoints.ts';
import { ApiProblem, describeError } from '../api/http.ts';
import { ConfirmDialog } from '../shell/confirm-dialog.tsx';
import { useSession } from '../shell/session.ts';
import { QueueList } from './queue-list.tsx';
import { SettingsForm } from './settings-form.tsx';
import { loadReferences, NO_REFERENCES, type ReferenceOptions } from './settings-references.ts';
import { useLeaveGuard } from './use-leave-guard.ts';

/** Who may change CALLBACK_SETTINGS rows (the runtime's callbackProvisioners); the others read. */
const settingsEditors: readonly string[] = [
  'administrator',
  'developer',
  'callbackAdministrator',
  'callbackDeveloper',
];

type Selection = { kind: 'none' } | { kind: 'new' } | { kind: 'saved'; virtualQueue: string };
type Load = 'loading' | 'ready' | 'missing' | { error: string };

const byName = (a: CallbackSettings, b: CallbackSettings) => a.virtualQueue.localeCompare(b.virtualQueue);
const first = (rows: readonly CallbackSettings[]): Selection =>
  rows[0] ? { kind: 'saved', virtualQueue: rows[0].virtualQueue } : { kind: 'none' };

/**
 * The CALLBACK_SETTINGS data table as an administrator reads it: the callback virtual queues on
 * the left, the selected queue's settings as a grouped form on the right.
 */
export default function CallbackSettingsScreen() {
  const { t } = useTranslation('callbackSettings');
  const user = useSession((s) => s.user);
  const canEdit = !!user && user.roles.some((role) => settingsEditors.includes(role));
  const [rows, setRows] = useState<CallbackSettings[]>([]);
  const [references, setReferences] = useState<ReferenceOptions>(NO_REFERENCES);
  const [load, setLoad] = useState<Load>('loading');
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const [dirty, setDirty] = useState(false);
  const dirtyNow = useRef(false);
  const [leaving, setLeaving] = useState<{ leave: () => void } | null>(null);
  const [deleting, setDeleting] = useState<{ busy: boolean; error: string | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** Bumped to drop a discarded draft: the form remounts from the saved row. */
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([callbackSettingsApi.list(), loadReferences()]).then(
      ([list, refs]) => {
        if (!live) return;
        const sorted = [...list.items].sort(byName);
        setRows(sorted);
        setReferences(refs);
        setSelection(first(sorted));
        setLoad('ready');
      },
      (e) =>
        live &&
        setLoad(e instanceof ApiProblem && e.status === 404 ? 'missing' : { error: describeError(e) }),
    );
    return () => {
      live = false;
    };
  }, []);

  const onDirtyChange = useCallback((value: boolean) => {
    dirtyNow.current = value;
    setDirty(value);
  }, []);
  const ask = useCallback((leave: () => void) => setLeaving({ leave }), []);
  /** Runs `action` now, or after the user agrees to drop the open queue's unsaved changes. */
  const guarded = useCallback((action: () => void) => (dirtyNow.current ? ask(action) : action()), [ask]);
  useLeaveGuard(dirty, ask);

  const open = (next: Selection) => {
    onDirtyChange(false);
    setNotice(null);
    setSelection(next);
  };
  const onSaved = useCallback(
    (row: CallbackSettings) => {
      setRows((list) => [...list.filter((r) => r.virtualQueue !== row.virtualQueue), row].sort(byName));
      setSelection({ kind: 'saved', virtualQueue: row.virtualQueue });
      setNotice(t('savedQueue', { queue: row.virtualQueue }));
    },
    [t],
  );

  const selected =
    selection.kind === 'saved' ? rows.find((r) => r.virtualQueue === selection.virtualQueue) : undefined;
  const remove = async (virtualQueue: string) => {
    setDeleting({ busy: true, error: null });
    try {
      await callbackSettingsApi.remove(virtualQueue);
      const rest = rows.filter((r) => r.virtualQueue !== virtualQueue);
      setRows(rest);
      setDeleting(null);
      open(first(rest));
      setNotice(t('deletedQueue', { queue: virtualQueue }));
    } catch (error) {
      setDeleting({ busy: false, error: describeError(error) });
    }
  };

  return (
    <div className="callback-settings-screen">
      <QueueList
        queues={rows}
        selected={selected?.virtualQueue ?? null}
        creating={selection.kind === 'new'}
        dirty={dirty}
        disabled={load !== 'ready'}
        onSelect={(virtualQueue) =>
          virtualQueue !== selected?.virtualQueue && guarded(() => open({ kind: 'saved', virtualQueue }))
        }
        onNew={canEdit ? () => selection.kind !== 'new' && guarded(() => open({ kind: 'new' })) : undefined}
      />
      <main className="settings-detail">
        {load === 'loading' && <p className="muted empty-state">{t('loading')}</p>}
        {load === 'missing' && (
          <p className="error empty-state" role="alert">
            {t('missingTable')}
          </p>
        )}
        {typeof load === 'object' && (
          <p className="error empty-state" role="alert">
            {load.error}
          </p>
        )}
        {load === 'ready' && selection.kind === 'none' && (
          <p className="muted empty-state" role="status">
            {notice ? `${notice} ` : ''}
            {rows.length ? t('pickQueue') : t('noQueues')}
          </p>
        )}
        {load === 'ready' && (selection.kind === 'new' || selected) && (
          <SettingsForm
            key={`${selected?.virtualQueue ?? 'new'}-${generation}`}
            saved={selected ?? null}
            references={references}
            notice={notice}
            readOnly={!canEdit}
            onSaved={onSaved}
            onDirtyChange={onDirtyChange}
            onDelete={() =>
              selected ? setDeleting({ busy: false, error: null }) : guarded(() => open(first(rows)))
            }
          />
        )}
      </main>
      {leaving && (
        <ConfirmDialog
          title={t('leave.title')}
          confirmLabel={t('leave.confirm')}
          cancelLabel={t('leave.cancel')}
          danger
          testId="unsaved-changes-dialog"
          onCancel={() => setLeaving(null)}
          onConfirm={() => {
            const { leave } = leaving;
            setLeaving(null);
            onDirtyChange(false);
            setGeneration((n) => n + 1);
            leave();
          }}
        >
          <p>{t('leave.body', { queue: selected?.virtualQueue ?? t('newQueue') })}</p>
        </ConfirmDialog>
      )}
      {deleting && selected && (
        <ConfirmDialog
          title={t('remove.title', { queue: selected.virtualQueue })}
          confirmLabel={t('remove.confirm')}
          cancelLabel={t('remove.cancel')}
          danger
          busy={deleting.busy}
          error={deleting.error}
          testId="delete-queue-dialog"
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(selected.virtualQueue)}
        >
          <p>{t('remove.body')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
