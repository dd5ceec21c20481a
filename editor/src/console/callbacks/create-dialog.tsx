/** Create Callback: immediate, or scheduled into one of the queue's free slots. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/http.ts';
import { type CallbackRecord, callbacksApi } from '../shared/api.ts';
import { ErrorBanner, Modal } from '../shared/modal.tsx';
import { SlotPicker } from './slot-picker.tsx';

export function CreateDialog(props: {
  queues: string[];
  hour24: boolean;
  onClose: () => void;
  onCreated: (record: CallbackRecord) => void;
}) {
  const { t } = useTranslation('callbacks');
  const [type, setType] = useState<'immediate' | 'scheduled'>('immediate');
  const [queue, setQueue] = useState(props.queues[0] ?? '');
  const [number, setNumber] = useState('');
  const [slot, setSlot] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      const record = await callbacksApi.create({
        serviceName: queue,
        phoneNumber: number.trim(),
        ...(type === 'scheduled' ? { desiredTime: slot } : {}),
      });
      props.onCreated(record);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <Modal title={t('create.title')} onClose={props.onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="inline">
          <legend>{t('create.type')}</legend>
          {(['immediate', 'scheduled'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="type" checked={type === value} onChange={() => setType(value)} />
              {t(`origins.${value}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('columns.serviceName')}
          <select value={queue} onChange={(e) => setQueue(e.target.value)}>
            {props.queues.map((q) => (
              <option key={q}>{q}</option>
            ))}
          </select>
        </label>
        <label>
          {t('create.number')}
          <input
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            placeholder="+14155550123"
            required
          />
        </label>
        {type === 'scheduled' && queue && (
          <SlotPicker queue={queue} value={slot} onChange={setSlot} hour24={props.hour24} />
        )}
        <ErrorBanner error={error} />
        <div className="buttons">
          <button type="button" onClick={props.onClose}>
            {t('close')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={!queue || !number || (type === 'scheduled' && !slot)}
          >
            {t('create.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function RescheduleDialog(props: {
  record: CallbackRecord;
  hour24: boolean;
  onClose: () => void;
  onDone: (record: CallbackRecord) => void;
}) {
  const { t } = useTranslation('callbacks');
  const [slot, setSlot] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={t('reschedule.title', { number: props.record.phoneNumber })} onClose={props.onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          callbacksApi
            .reschedule(props.record.id, slot)
            .then(props.onDone, (x) => setError(describeError(x)));
        }}
      >
        <SlotPicker queue={props.record.serviceName} value={slot} onChange={setSlot} hour24={props.hour24} />
        <ErrorBanner error={error} />
        <div className="buttons">
          <button type="button" onClick={props.onClose}>
            {t('close')}
          </button>
          <button type="submit" className="primary" disabled={!slot}>
            {t('reschedule.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
