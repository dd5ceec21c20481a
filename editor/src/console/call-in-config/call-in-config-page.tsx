/**
 * Tools › Click-To-Call-In Config: the groups, each with its DNIS pool (entered number by number
 * or bulk-imported from a CSV file) and its settings. A group's name is fixed once saved; every
 * field the runtime refuses is listed with its pointer. Only Callback Administrators edit (the
 * runtime's rule too); the other callback roles read.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, describeError } from '../../api/http.ts';
import { ConfirmDialog } from '../../shell/confirm-dialog.tsx';
import { useSession } from '../../shell/session.ts';
import { type CallInGroup, callInApi, type GroupSummary } from '../call-in/call-in-api.ts';
import { GroupForm } from './group-form.tsx';

const editorRoles = ['administrator', 'callbackAdministrator'];

const blank = (): CallInGroup => ({
  name: '',
  numbers: [{ number: '', description: '' }],
  accessCode: { enabled: false, length: 6 },
  expirySeconds: 30,
  uniqueDnis: false,
});

export function CallInConfigPage() {
  const { t } = useTranslation('callIn');
  const user = useSession((s) => s.user);
  const canEdit = !!user && user.roles.some((r) => editorRoles.includes(r));
  const [groups, setGroups] = useState<GroupSummary[]>([]);
  const [group, setGroup] = useState<CallInGroup | null>(null);
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ pointer: string; message: string }[]>([]);

  const reload = useCallback(async () => {
    try {
      setGroups((await callInApi.groups()).items);
    } catch (e) {
      setStatus(describeError(e));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const fail = (e: unknown) => {
    setProblems(e instanceof ApiProblem ? e.errors : []);
    setStatus(describeError(e));
  };
  const done = (message: string) => {
    setProblems([]);
    setStatus(message);
  };
  const open = async (name: string) => {
    try {
      setGroup(await callInApi.group(name));
      setSaved(true);
      setProblems([]);
      setStatus(null);
    } catch (e) {
      fail(e);
    }
  };
  const save = async (edited: CallInGroup) => {
    try {
      const numbers = edited.numbers.filter((n) => n.number.trim() !== '');
      setGroup(await callInApi.save({ ...edited, numbers }));
      setSaved(true);
      done(t('config.saved', { name: edited.name }));
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const remove = async (name: string) => {
    setDeleting(false);
    try {
      await callInApi.remove(name);
      setGroup(null);
      done(t('config.deleted', { name }));
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const importFile = async (name: string, file: File) => {
    try {
      setGroup(await callInApi.importCsv(name, await file.text()));
      done(t('config.imported', { name }));
      await reload();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section className="split call-in-config" aria-labelledby="call-in-config-title">
      <ul className="plain rule-list" aria-label={t('config.groups')}>
        {canEdit && (
          <li>
            <button
              type="button"
              className="primary"
              onClick={() => {
                setGroup(blank());
                setSaved(false);
                setProblems([]);
                setStatus(null);
              }}
            >
              {t('config.create')}
            </button>
          </li>
        )}
        {groups.length === 0 && <li className="muted">{t('config.none')}</li>}
        {groups.map((g) => (
          <li key={g.name}>
            <button
              type="button"
              aria-pressed={saved && group?.name === g.name}
              onClick={() => void open(g.name)}
            >
              {g.name}
              <span className="muted"> · {t('config.numberCount', { count: g.numberCount })}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="scroll">
        <h2 id="call-in-config-title">{t('config.title')}</h2>
        {status && <p role="status">{status}</p>}
        {problems.length > 0 && (
          <ul className="problems" role="alert">
            {problems.map((p) => (
              <li key={`${p.pointer}:${p.message}`}>
                <code>{p.pointer || '/'}</code> {p.message}
              </li>
            ))}
          </ul>
        )}
        {group ? (
          <GroupForm
            group={group}
            saved={saved}
            readOnly={!canEdit}
            onChange={setGroup}
            onSave={(edited) => void save(edited)}
            onDelete={() => setDeleting(true)}
            onImport={(file) => void importFile(group.name, file)}
          />
        ) : (
          !status && <p className="muted">{t('config.pick')}</p>
        )}
      </div>
      {deleting && group && (
        <ConfirmDialog
          title={t('config.deleteTitle', { name: group.name })}
          confirmLabel={t('config.delete')}
          cancelLabel={t('config.keep')}
          danger
          testId="delete-group-dialog"
          onConfirm={() => void remove(group.name)}
          onCancel={() => setDeleting(false)}
        >
          <p>{t('config.confirmDelete', { name: group.name, count: group.numbers.length })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
