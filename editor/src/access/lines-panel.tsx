import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accessGroupsApi, linesOfBusinessApi } from '../api/endpoints.ts';
import type { QueueFolderRecord, QueuePermissionRecord } from '../api/types.ts';
import { effectiveReaders, queuePermissionBody } from './access-forms.ts';
import { CheckList } from './check-list.tsx';
import { StatusLine } from './status-line.tsx';
import { useLoaded } from './use-loaded.ts';

type Act = (action: () => Promise<unknown>, done: string) => Promise<boolean>;

/** Queue folders and each callback queue's folder and read list (the guide's lines of business). */
export function LinesPanel() {
  const { t } = useTranslation('access');
  const load = useCallback(async () => {
    const [folders, queues, groups] = await Promise.all([
      linesOfBusinessApi.folders(),
      linesOfBusinessApi.queues(),
      accessGroupsApi.list(),
    ]);
    return { folders: folders.items, queues: queues.items, groups: groups.items.map((g) => g.name) };
  }, []);
  const { data, message, act } = useLoaded(load);
  const [name, setName] = useState('');

  return (
    <section aria-label={t('sections.lines')}>
      <p className="muted">{t('lines.hint')}</p>
      <StatusLine message={message} />
      <h2>{t('lines.folders')}</h2>
      <form
        className="access-actions"
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => linesOfBusinessApi.putFolder(name, [], true), t('lines.saved', { name })).then(
            (ok) => ok && setName(''),
          );
        }}
      >
        <input
          aria-label={t('lines.newFolder')}
          placeholder={t('lines.newFolder')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <button type="submit" className="primary">
          {t('lines.createFolder')}
        </button>
      </form>
      <div className="access-cards">
        {data?.folders.map((folder) => (
          <FolderCard key={JSON.stringify(folder)} folder={folder} groups={data.groups} act={act} />
        ))}
      </div>
      <h2>{t('lines.queues')}</h2>
      <table className="list compact">
        <thead>
          <tr>
            <th>{t('lines.queue')}</th>
            <th>{t('lines.folder')}</th>
            <th>{t('lines.read')}</th>
            <th>{t('lines.effective')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data?.queues.map((queue) => (
            <QueueRow
              key={JSON.stringify(queue)}
              queue={queue}
              folders={data.folders.map((f) => f.name)}
              groups={data.groups}
              act={act}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function FolderCard({ folder, groups, act }: { folder: QueueFolderRecord; groups: string[]; act: Act }) {
  const { t } = useTranslation('access');
  const [read, setRead] = useState(folder.read);
  const [propagate, setPropagate] = useState(folder.propagate);
  return (
    <article className="access-card" aria-label={folder.name}>
      <h3>{folder.name}</h3>
      <CheckList legend={t('lines.read')} options={groups} selected={read} onChange={setRead} />
      <label>
        <input type="checkbox" checked={propagate} onChange={(e) => setPropagate(e.target.checked)} />
        {t('lines.propagate')}
      </label>
      <div className="access-actions">
        <button
          type="button"
          onClick={() =>
            void act(
              () => linesOfBusinessApi.putFolder(folder.name, read, propagate),
              t('lines.saved', { name: folder.name }),
            )
          }
        >
          {t('lines.save')}
        </button>
      </div>
    </article>
  );
}

function QueueRow({
  queue,
  folders,
  groups,
  act,
}: {
  queue: QueuePermissionRecord;
  folders: string[];
  groups: string[];
  act: Act;
}) {
  const { t } = useTranslation('access');
  const [folder, setFolder] = useState(queue.folder ?? '');
  const [inherit, setInherit] = useState(queue.read === null);
  const [read, setRead] = useState(queue.read ?? []);
  const readers = effectiveReaders(queue.effectiveRead);
  return (
    <tr aria-label={queue.virtualQueue}>
      <td>{queue.virtualQueue}</td>
      <td>
        <select
          aria-label={`${t('lines.folder')} ${queue.virtualQueue}`}
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
        >
          <option value="">{t('lines.noFolder')}</option>
          {folders.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </td>
      <td>
        <label>
          <input type="checkbox" checked={inherit} onChange={(e) => setInherit(e.target.checked)} />
          {t('lines.inherit')}
        </label>
        {!inherit && (
          <CheckList legend={t('lines.read')} options={groups} selected={read} onChange={setRead} />
        )}
      </td>
      <td>{readers.key ? t(readers.key) : readers.groups}</td>
      <td>
        <button
          type="button"
          onClick={() => {
            const body = queuePermissionBody(folder, inherit, read);
            void act(
              () => linesOfBusinessApi.putQueue(queue.virtualQueue, body.folder, body.read),
              t('lines.saved', { name: queue.virtualQueue }),
            );
          }}
        >
          {t('lines.save')}
        </button>
      </td>
    </tr>
  );
}
