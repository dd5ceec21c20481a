import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationType } from '../../../schemas/application.generated.ts';
import { describeError } from '../api/http.ts';
import { navigate } from '../shell/route.ts';
import { createApplication } from './application-actions.ts';

export function NewApplicationForm({ onError }: { onError: (message: string) => void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<ApplicationType>('Default');
  const [nameError, setNameError] = useState<string | null>(null);
  const { t } = useTranslation('designer');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('applications.nameRequired'));
      return;
    }
    try {
      const id = await createApplication(name.trim(), type);
      navigate(`/applications/${encodeURIComponent(id)}`);
    } catch (e) {
      onError(describeError(e));
    }
  }

  return (
    <form className="new-application" onSubmit={submit} aria-label="New application">
      <input
        placeholder="New application name"
        aria-label="New application name"
        value={name}
        aria-invalid={nameError ? true : undefined}
        aria-describedby={nameError ? 'new-name-error' : undefined}
        className={nameError ? 'invalid' : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setNameError(null);
        }}
      />
      <select
        aria-label="Application type"
        value={type}
        onChange={(e) => setType(e.target.value as ApplicationType)}
      >
        <option value="Default">Default (inbound)</option>
        <option value="Callback">Callback</option>
      </select>
      <button type="submit" className="primary">
        Create
      </button>
      {nameError && (
        <span id="new-name-error" role="alert" className="error">
          {nameError}
        </span>
      )}
    </form>
  );
}
