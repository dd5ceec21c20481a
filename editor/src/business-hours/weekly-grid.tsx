import type { BusinessHours } from '../../../schemas/business-hours.generated.ts';
import { DayBar } from './day-bar.tsx';
import { DayHoursEditor } from './day-hours-editor.tsx';
import { WEEKDAY_LABELS, WEEKDAYS } from './hours-document.ts';

interface Props {
  weekly: BusinessHours['weekly'];
  onChange: (weekly: BusinessHours['weekly']) => void;
}

/** One row per weekday: the hours, and a 24-hour bar that shows them at a glance. */
export function WeeklyGrid({ weekly, onChange }: Props) {
  return (
    <table className="weekly-grid" data-testid="weekly-grid">
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Hours</th>
          <th scope="col" className="day-bar-head">
            <span>0</span>
            <span>6</span>
            <span>12</span>
            <span>18</span>
            <span>24</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((day) => (
          <tr key={day}>
            <th scope="row">{WEEKDAY_LABELS[day]}</th>
            <td>
              <DayHoursEditor
                label={WEEKDAY_LABELS[day]}
                day={weekly[day]}
                onChange={(hours) => onChange({ ...weekly, [day]: hours })}
              />
            </td>
            <td>
              <DayBar day={weekly[day]} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
