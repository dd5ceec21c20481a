import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accessGroupsApi, usersApi } from '../api/endpoints.ts';
import type { UserRecord } from '../api/types.ts';
import { useSession } from '../shell/session.ts';
import { StatusLine } from './status-line.tsx';
import { useLoaded } from './use-loaded.ts';
import { UserForm } from './user-form.tsx';

/** Every user of the tenant; one at a time opens in the form below the table. */
export function UsersPanel() {
  const { t } = useTranslation('access');
  const me = useSession((s) => (s.user ? s.user.username : ''));
  const load = useCallback(async () => {
    const [users, groups] = await Promise.all([usersApi.list(), accessGroupsApi.list()]);
    return { users: users.items, groups: groups.items.map((g) => g.name) };
  }, []);
  const { data, message, act } = useLoaded(load);
  const [editing, setEditing] = useState<UserRecord | 'new' | null>(null);
  const label = (role: string) => t(`roles.${role}`);

  return (
    <section aria-label={t('sections.users')}>
      <div className="access-actions">
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('users.newUser')}
        </button>
        <StatusLine message={message} />
      </div>
      <table className="list">
        <thead>
          <tr>
            <th>{t('users.username')}</th>
            <th>{t('users.displayName')}</th>
            <th>{t('users.groups')}</th>
            <th>{t('users.effectiveRoles')}</th>
            <th>{t('users.language')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data?.users.map((user) => (
            <tr key={user.username}>
              <td>{user.username}</td>
              <td>{user.displayName}</td>
              <td>{user.accessGroups.join(', ')}</td>
              <td>{user.effectiveRoles.map(label).join(', ')}</td>
              <td>{t(`languages.${user.language}`)}</td>
              <td className="row-actions">
                <button
                  type="button"
                  aria-label={`${t('users.edit')} ${user.username}`}
                  onClick={() => setEditing(user)}
                >
                  {t('users.edit')}
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={user.username === me}
                  aria-label={`${t('users.delete')} ${user.username}`}
                  onClick={() => {
                    if (window.confirm(t('users.confirmDelete', { username: user.username })))
                      void act(
                        () => usersApi.remove(user.username),
                        t('users.deleted', { username: user.username }),
                      );
                  }}
                >
                  {t('users.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && data && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.username}
          user={editing === 'new' ? undefined : editing}
          groups={data.groups}
          onClose={() => setEditing(null)}
          onSubmit={async (username, password, changes) => {
            const ok = await act(
              () =>
                editing === 'new'
                  ? usersApi.create(username, password, changes)
                  : usersApi.update(username, password ? { ...changes, password } : changes),
              t(editing === 'new' ? 'users.created' : 'users.saved', { username }),
            );
            if (ok) setEditing(null);
          }}
        />
      )}
    </section>
  );
}
