import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accessGroupsApi } from '../api/endpoints.ts';
import type { AccessGroupRecord } from '../api/types.ts';
import { groupRoles } from './access-forms.ts';
import { CheckList } from './check-list.tsx';
import { StatusLine } from './status-line.tsx';
import { useLoaded } from './use-loaded.ts';

/** Access groups: the callback roles each grants, its members; custom groups can be added and deleted. */
export function GroupsPanel() {
  const { t } = useTranslation('access');
  const load = useCallback(async () => (await accessGroupsApi.list()).items, []);
  const { data, message, act } = useLoaded(load);
  const [name, setName] = useState('');

  return (
    <section aria-label={t('sections.groups')}>
      <form
        className="access-actions"
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => accessGroupsApi.put(name, []), t('groups.saved', { name })).then(
            (ok) => ok && setName(''),
          );
        }}
      >
        <input
          aria-label={t('groups.newGroup')}
          placeholder={t('groups.newGroup')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <button type="submit" className="primary">
          {t('groups.create')}
        </button>
        <StatusLine message={message} />
      </form>
      <div className="access-cards">
        {data?.map((group) => (
          <GroupCard key={`${group.name}:${group.roles.join()}`} group={group} act={act} />
        ))}
      </div>
    </section>
  );
}

function GroupCard({
  group,
  act,
}: {
  group: AccessGroupRecord;
  act: (action: () => Promise<unknown>, done: string) => Promise<boolean>;
}) {
  const { t } = useTranslation('access');
  const [roles, setRoles] = useState(group.roles);
  return (
    <article className="access-card" aria-label={group.name}>
      <h3>
        {group.name} {group.predefined && <span className="muted">({t('groups.predefined')})</span>}
      </h3>
      <CheckList
        legend={t('groups.roles')}
        options={groupRoles}
        selected={roles}
        label={(r) => t(`roles.${r}`)}
        onChange={setRoles}
      />
      <p className="muted">
        {t('groups.members')}: {group.members.join(', ') || '—'}
      </p>
      <div className="access-actions">
        <button
          type="button"
          onClick={() =>
            void act(() => accessGroupsApi.put(group.name, roles), t('groups.saved', { name: group.name }))
          }
        >
          {t('groups.save')}
        </button>
        {!group.predefined && (
          <button
            type="button"
            className="danger"
            onClick={() =>
              void act(() => accessGroupsApi.remove(group.name), t('groups.deleted', { name: group.name }))
            }
          >
            {t('groups.delete')}
          </button>
        )}
      </div>
    </article>
  );
}
