/** The free slots of a queue, in its own time zone, as the runtime offers them: nothing else can be picked. */
import { useTranslation } from 'react-i18next';
import { queuesApi } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { useLoader } from '../shared/use-loader.ts';

export function SlotPicker(props: {
  queue: string;
  value: string;
  onChange: (utc: string) => void;
  hour24: boolean;
}) {
  const { t } = useTranslation('callbacks');
  const slots = useLoader(() => queuesApi.availability(props.queue, 14), [props.queue]);
  if (slots.error)
    return (
      <div role="alert" className="error">
        {slots.error}
      </div>
    );
  if (!slots.data) return <span className="muted">{t('loading')}</span>;
  const zone = slots.data.timeZone;
  return (
    <label>
      {t('create.slot', { zone })}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} required>
        <option value="">{slots.data.slots.length ? t('create.chooseSlot') : t('create.noSlots')}</option>
        {slots.data.slots.map((s) => (
          <option key={s.utcTime} value={s.utcTime}>
            {formatDateTime(s.utcTime, { hour24: props.hour24, utc: false, timeZone: zone })} —{' '}
            {t('create.free', { count: s.capacity })}
          </option>
        ))}
      </select>
    </label>
  );
}
