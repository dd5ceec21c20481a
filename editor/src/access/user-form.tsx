import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserChanges, UserRecord } from '../api/types.ts';
import { languages } from '../i18n/index.ts';
import { allRoles } from './access-forms.ts';
import { CheckList } from './check-list.tsx';

/** Creates a user, or edits one's roles, groups, display name and language, or resets its password. */
export function UserForm({
  user,
  groups,
  onSubmit,
  onClose,
}: {
  user: UserRecord | undefined;
  groups: readonly string[];
  onSubmit: (username: string, password: string, changes: UserChanges) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation('access');
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(user?.roles ?? []);
  const [accessGroups, setAccessGroups] = useState<string[]>(user?.accessGroups ?? ['Agents']);
  const [language, setLanguage] = useState(user?.language ?? 'en');

  function submit(event: FormEvent) {
    event.preventDefault();
    void onSubmit(username, password, {
      displayName: displayName === '' ? null : displayName,
      roles,
      accessGroups,
      language,
    });
  }

  return (
    <form className="access-form" onSubmit={submit} aria-label={user ? user.username : t('users.newUser')}>
      <h2>{user ? user.username : t('users.newUser')}</h2>
      {!user && (
        <label>
          {t('users.username')}
          <input value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
      )}
      <label>
        {t('users.displayName')}
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label>
        {user ? t('users.newPassword') : t('users.password')}
        <input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required={!user}
          minLength={8}
        />
      </label>
      <label>
        {t('users.language')}
        <select value={language} onChange={(e) => setLanguage(e.target.value)}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <CheckList
        legend={t('users.ownRoles')}
        options={allRoles}
        selected={roles}
        label={(role) => t(`roles.${role}`)}
        onChange={setRoles}
      />
      <CheckList
        legend={t('users.groups')}
        options={groups}
        selected={accessGroups}
        onChange={setAccessGroups}
      />
      <p className="muted">{t('users.groupsHint')}</p>
      {accessGroups.length === 0 && <p className="error">{t('users.noGroupWarning')}</p>}
      <div className="access-actions">
        <button type="submit" className="primary">
          {user ? t('users.save') : t('users.create')}
        </button>
        <button type="button" onClick={onClose}>
          {t('users.cancel')}
        </button>
      </div>
    </form>
  );
}
