export type {
  CapacityCalendar,
  CapacityRule,
  CompiledCapacityRule,
  TimeslotLength,
  WeekdayKey,
} from './capacity-rule.ts';
export { changeTimeslotLength, compileCapacityRule, WEEKDAY_KEYS } from './capacity-rule.ts';
export type { CapacityIssue, CapacityParseResult } from './capacity-statement.ts';
export { parseCapacityStatement } from './capacity-statement.ts';
export type { HorizonCheck } from './horizon.ts';
export { checkHorizon, horizonEnd } from './horizon.ts';
export type { ProposalQuery } from './propose.ts';
export { proposeSlots } from './propose.ts';
export type { BookedCounts, Slot, SlotGrid, SlotQuery } from './slots.ts';
export { computeSlots, slotFor, slotStartFor } from './slots.ts';
