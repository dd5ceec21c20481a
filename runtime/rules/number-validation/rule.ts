/**
 * Country and Number Validation rules (seed, "Configuring Country and Number Validation rules").
 * A number fails when its country is not permitted — then the patterns are not checked — or when
 * any blocked pattern matches; otherwise it passes.
 *
 * Patterns are matched against the number in E.164 form with its plus sign, e.g. `+15551234567`,
 * so the seed's "starts with 1234" example is written `^\+1234[0-9]+`. One canonical form means a
 * pattern blocks the same number however the customer typed it.
 *
 * Parsing uses libphonenumber-js with its `max` metadata: it validates numbers against each
 * country's number-type patterns and tells apart countries sharing a calling code (US/CA/Caribbean
 * on +1, GB/GG/JE/IM on +44, RU/KZ on +7). The default metadata accepts many numbers that cannot
 * exist and would decide the country by the calling code alone, which is what this rule is about.
 */
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { NumberValidationRule } from '../../../schemas/number-validation-rule.generated.ts';
import { type CompiledPattern, compileLinear } from './linear-pattern.ts';
import { checkPatternSafety } from './pattern-safety.ts';

export type { NumberValidationRule };

export type NumberTestResult =
  | { ok: true; e164: string; country: string }
  | { ok: false; reason: 'INVALID_NUMBER' }
  | { ok: false; reason: 'COUNTRY_NOT_PERMITTED'; country: string | null; e164: string }
  | { ok: false; reason: 'NUMBER_BLOCKED'; country: string; e164: string; pattern: string };

export interface RuleIssue {
  pointer: string;
  message: string;
}

export interface TestOptions {
  /** Country to read a number without a leading + in (ISO 3166 alpha-2). */
  defaultCountry?: string;
}

export function validateNumberValidationRule(rule: NumberValidationRule): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (rule.permittedCountries.length === 0) {
    issues.push({ pointer: '/permittedCountries', message: 'Permit at least one country' });
  }
  rule.permittedCountries.forEach((country, index) => {
    if (!isCountryCode(country))
      issues.push({ pointer: `/permittedCountries/${index}`, message: `${country} is not a country code` });
  });
  rule.blockedPatterns.forEach((pattern, index) => {
    const check = checkPatternSafety(pattern);
    if (!check.ok) issues.push({ pointer: `/blockedPatterns/${index}`, message: check.message });
  });
  return issues;
}

const compiledPatterns = new WeakMap<readonly string[], CompiledPattern[]>();

export function testNumber(
  rule: NumberValidationRule,
  number: string,
  options: TestOptions = {},
): NumberTestResult {
  const defaultCountry =
    options.defaultCountry && isCountryCode(options.defaultCountry) ? options.defaultCountry : undefined;
  const parsed = parsePhoneNumberFromString(number.trim(), defaultCountry ? { defaultCountry } : {});
  if (!parsed?.isValid()) return { ok: false, reason: 'INVALID_NUMBER' };
  const e164 = parsed.number;
  const country = parsed.country ?? null;
  if (country === null || !rule.permittedCountries.includes(country)) {
    return { ok: false, reason: 'COUNTRY_NOT_PERMITTED', country, e164 };
  }
  const patterns = patternsOf(rule);
  const index = patterns.findIndex((pattern) => pattern.ok && pattern.matches(e164));
  if (index >= 0)
    return { ok: false, reason: 'NUMBER_BLOCKED', country, e164, pattern: rule.blockedPatterns[index] ?? '' };
  return { ok: true, e164, country };
}

/**
 * Patterns run on a linear-time engine (linear-pattern.ts), so even a stored pattern that the
 * save-time check would now refuse cannot be slow; one that does not compile is skipped.
 */
function patternsOf(rule: NumberValidationRule): CompiledPattern[] {
  let patterns = compiledPatterns.get(rule.blockedPatterns);
  if (!patterns) {
    patterns = rule.blockedPatterns.map(compileLinear);
    compiledPatterns.set(rule.blockedPatterns, patterns);
  }
  return patterns;
}

function isCountryCode(code: string): code is CountryCode {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}
