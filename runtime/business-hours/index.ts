export type { BusinessHoursCalendar, OpenInterval } from './calendar.ts';
export { compileBusinessHours, SEARCH_DAYS } from './calendar.ts';
export type { BusinessHoursIssue } from './validate.ts';
export { validateBusinessHours } from './validate.ts';
export type { LocalParts, ZoneTime } from './zone-time.ts';
export { formatLocalIso, isValidTimeZone, localIso, weekdayOf, zoneTime } from './zone-time.ts';
