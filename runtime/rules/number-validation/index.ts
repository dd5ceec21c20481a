export type { PatternCheck } from './pattern-safety.ts';
export { checkPatternSafety, MAX_PATTERN_LENGTH } from './pattern-safety.ts';
export type { NumberTestResult, NumberValidationRule, RuleIssue, TestOptions } from './rule.ts';
export { testNumber, validateNumberValidationRule } from './rule.ts';
