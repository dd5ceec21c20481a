/**
 * Tools › Click-To-Call-In Config: the groups, each with its DNIS pool (entered number by number
 * or bulk-imported from a CSV file) and its settings. A group's name is fixed once saved; every
 * field the runtime refuses is listed with its pointer.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, describeError } from '../../api/http.ts';
import { type CallInGroup, callInApi, type GroupSummary } from '../call-in/call-in-api.ts';

const blank = (): CallInGroup => ({
  name: '',
  numbers: [{ number: '', description: '' }],
  accessCode: { enabled: false, length: 6 },
  expirySeconds: 30,
  uniqueDnis: false,
});

export default function CallInConfigScreen() {
  const { t } = useTranslation('callIn');
  const [groups, setGroups] = useState<GroupSummary[]>([]);
  const [group, setGroup] = useState<CallInGroup | null>(null);
  const [saved, setSaved] = useState(false);
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
  const save = async () => {
    if (!group) return;
    try {
      const numbers = group.numbers.filter((n) => n.number.trim() !== '');
      setGroup(await callInApi.save({ ...group, numbers }));
      setSaved(true);
      setProblems([]);
      setStatus(t('config.saved', { name: group.name }));
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const remove = async () => {
    if (!group || !window.confirm(t('config.confirmDelete', { name: group.name }))) return;
    try {
      await callInApi.remove(group.name);
      setGroup(null);
      setStatus(t('config.deleted', { name: group.name }));
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file || !group) return;
    try {
      setGroup(await callInApi.importCsv(group.name, await file.text()));
      setProblems([]);
      setStatus(t('config.imported', { name: group.name }));
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const edit = (change: Partial<CallInGroup>) => group && setGroup({ ...group, ...change });
  const editNumber = (index: number, change: Partial<CallInGroup['numbers'][number]>) =>
    group && edit({ numbers: group.numbers.map((n, i) => (i === index ? { ...n, ...change } : n)) });

  return (
    <main className="screen call-in-config-screen" aria-labelledby="call-in-config-title">
      <h1 id="call-in-config-title">{t('config.title')}</h1>
      <aside aria-label={t('config.groups')}>
        <button
          type="button"
          onClick={() => {
            setGroup(blank());
            setSaved(false);
            setProblems([]);
          }}
        >
          {t('config.create')}
        </button>
        <ul>
          {groups.map((g) => (
            <li key={g.name}>
              <button type="button" onClick={() => void open(g.name)}>
                {g.name} ({t('config.numberCount', { count: g.numberCount })})
              </button>
            </li>
          ))}
        </ul>
      </aside>
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
      {group && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            {t('config.name')}{' '}
            <input
              value={group.name}
              readOnly={saved}
              required
              maxLength={64}
              onChange={(e) => edit({ name: e.target.value })}
            />
          </label>
          <fieldset>
            <legend>{t('config.pool')}</legend>
            {group.numbers.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
              <div key={i} className="pool-row">
                <input
                  aria-label={t('config.number')}
                  placeholder="+18005550100"
                  maxLength={16}
                  value={n.number}
                  onChange={(e) => editNumber(i, { number: e.target.value })}
                />
                <input
                  aria-label={t('config.description')}
                  placeholder={t('config.description')}
                  maxLength={32}
                  value={n.description}
                  onChange={(e) => editNumber(i, { description: e.target.value })}
                />
                <button
                  type="button"
                  onClick={() => edit({ numbers: group.numbers.filter((_, j) => j !== i) })}
                >
                  {t('config.removeNumber')}
                </button>
              </div>
            ))}
            <button
              type="button"
              onClick={() => edit({ numbers: [...group.numbers, { number: '', description: '' }] })}
            >
              {t('config.addNumber')}
            </button>
            {saved && (
              <label className="bulk-import">
                {t('config.bulkImport')}{' '}
                <input
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(e) => void importFile(e.target.files?.[0])}
                />
              </label>
            )}
          </fieldset>
          <fieldset>
            <legend>{t('config.settings')}</legend>
            <label>
              <input
                type="checkbox"
                checked={group.accessCode.enabled}
                onChange={(e) => edit({ accessCode: { ...group.accessCode, enabled: e.target.checked } })}
              />{' '}
              {t('config.generateAccessCode')}
            </label>
            <label>
              {t('config.length')}{' '}
              <input
                type="number"
                min={4}
                max={12}
                value={group.accessCode.length}
                disabled={!group.accessCode.enabled}
                onChange={(e) =>
                  edit({ accessCode: { ...group.accessCode, length: Number(e.target.value) } })
                }
              />
            </label>
            <label>
              {t('config.expiry')}{' '}
              <input
                type="number"
                min={10}
                max={1800}
                value={group.expirySeconds}
                onChange={(e) => edit({ expirySeconds: Number(e.target.value) })}
              />
            </label>
            <label>
              <input
                type="checkbox"
                checked={group.uniqueDnis}
                onChange={(e) => edit({ uniqueDnis: e.target.checked })}
              />{' '}
              {t('config.uniqueDnis')}
            </label>
          </fieldset>
          <button type="submit">{t('config.save')}</button>
          {saved && (
            <button type="button" onClick={() => void remove()}>
              {t('config.delete')}
            </button>
          )}
        </form>
      )}
    </main>
  );
}
