/**
 * Semantic checks that JSON Schema cannot express. Each issue carries a JSON Pointer into the
 * document so the editor can put it beside the field.
 */
import type { BusinessHours, DayHours } from '../../schemas/business-hours.generated.ts';
import { localSpans } from './day-hours.ts';
import { epochDayOf, isValidTimeZone } from './zone-time.ts';

export interface BusinessHoursIssue {
  pointer: string;
  message: string;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function validateBusinessHours(doc: BusinessHours): BusinessHoursIssue[] {
  const issues: BusinessHoursIssue[] = [];
  if (!isValidTimeZone(doc.timeZone)) {
    issues.push({ pointer: '/timeZone', message: `"${doc.timeZone}" is not an IANA time zone` });
  }
  for (const day of WEEKDAYS) issues.push(...dayHoursIssues(doc.weekly[day], `/weekly/${day}`));
  (doc.specialDays ?? []).forEach((special, index) => {
    const pointer = `/specialDays/${index}`;
    if (special.timeZone !== undefined && !isValidTimeZone(special.timeZone)) {
      issues.push({
        pointer: `${pointer}/timeZone`,
        message: `"${special.timeZone}" is not an IANA time zone`,
      });
    }
    if (!isRealDate(special.from)) {
      issues.push({ pointer: `${pointer}/from`, message: `${special.from} is not a calendar date` });
    }
    if (special.to !== undefined) {
      if (!isRealDate(special.to)) {
        issues.push({ pointer: `${pointer}/to`, message: `${special.to} is not a calendar date` });
      } else if (epochDayOf(special.to) < epochDayOf(special.from)) {
        issues.push({ pointer: `${pointer}/to`, message: 'The last day is before the first day' });
      }
    }
    issues.push(...dayHoursIssues(special.hours, `${pointer}/hours`));
  });
  return issues;
}

function dayHoursIssues(hours: DayHours, pointer: string): BusinessHoursIssue[] {
  if (hours.kind !== 'intervals') {
    return hours.intervals === undefined || hours.intervals.length === 0
      ? []
      : [{ pointer: `${pointer}/intervals`, message: `Intervals are only allowed when kind is "intervals"` }];
  }
  if (!hours.intervals || hours.intervals.length === 0) {
    return [{ pointer: `${pointer}/intervals`, message: 'At least one interval is required' }];
  }
  const issues: BusinessHoursIssue[] = [];
  const spans = localSpans(hours);
  spans.forEach((span, i) => {
    for (let j = 0; j < i; j++) {
      const other = spans[j];
      if (other && span.start < other.end && other.start < span.end) {
        issues.push({ pointer: `${pointer}/intervals/${i}`, message: `Overlaps interval ${j}` });
        break;
      }
    }
  });
  return issues;
}

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}
