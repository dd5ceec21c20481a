/**
 * The outcome ports of a block instance: ports computed from its properties (dynamicOutcomes)
 * first, then the definition's fixed ones. One function for the validator, the editor and
 * the handlers, so a port's name never differs between them. Properties may be incomplete
 * (the editor calls this while the designer types), so they are read defensively.
 */
import type { BlockDefinition } from '../block-definition.generated.ts';

export interface OutcomePort {
  name: string;
  label: string;
}

type Definition = Pick<BlockDefinition, 'outcomes' | 'dynamicOutcomes'>;

/**
 * `appType`: leave out fixed outcomes that cannot occur in that application type (a Callback V2
 * never reports "declined" in a Callback application). Without it, every outcome.
 */
export function outcomesOf(
  definition: Definition,
  properties: unknown,
  appType?: 'Default' | 'Callback',
): OutcomePort[] {
  const ports: OutcomePort[] = [];
  const seen = new Set<string>();
  const add = (port: OutcomePort) => {
    if (seen.has(port.name)) return;
    seen.add(port.name);
    ports.push(port);
  };
  const props = (properties ?? {}) as Record<string, unknown>;
  if (definition.dynamicOutcomes === 'menuOptions') menuPorts(props.options).forEach(add);
  if (definition.dynamicOutcomes === 'segmentationConditions') conditionPorts(props.conditions).forEach(add);
  if (definition.dynamicOutcomes === 'matchCombinations') matchPorts(props.matchCriteria).forEach(add);
  for (const outcome of definition.outcomes) {
    if (appType && outcome.appTypes && !outcome.appTypes.includes(appType)) continue;
    add({ name: outcome.name, label: outcome.label });
  }
  return ports;
}

const digitNames: Record<string, string> = { '*': 'star', '#': 'hash' };

/** `option:1`… ; * and # are spelled out so that port names stay identifier-like. */
export function menuOptionOutcome(digit: string): string {
  return `option:${digitNames[digit] ?? digit}`;
}

function menuPorts(options: unknown): OutcomePort[] {
  if (!Array.isArray(options)) return [];
  return options.flatMap((option: { digit?: unknown; label?: unknown } | null) => {
    const digit = option?.digit;
    if (typeof digit !== 'string' || !/^[0-9*#]$/.test(digit)) return [];
    const label =
      typeof option?.label === 'string' && option.label !== ''
        ? `${digit}: ${option.label}`
        : `Press ${digit}`;
    return [{ name: menuOptionOutcome(digit), label }];
  });
}

/** `condition:1`… by position (1-based), so renaming a label keeps its links. */
export function conditionOutcome(position: number): string {
  return `condition:${position}`;
}

function conditionPorts(conditions: unknown): OutcomePort[] {
  if (!Array.isArray(conditions)) return [];
  return conditions.map((condition: { label?: unknown } | null, index) => ({
    name: conditionOutcome(index + 1),
    label:
      typeof condition?.label === 'string' && condition.label !== ''
        ? condition.label
        : `Condition ${index + 1}`,
  }));
}

export const matchCriteria = ['accessCode', 'ani', 'dnis'] as const;
export type MatchCriterion = (typeof matchCriteria)[number];

const criterionLabels: Record<MatchCriterion, string> = {
  accessCode: 'access code',
  ani: 'ANI',
  dnis: 'DNIS',
};

/** `match:accessCode+ani`: the criteria that matched, in the fixed order accessCode, ani, dnis. */
export function matchOutcome(matched: readonly MatchCriterion[]): string {
  return `match:${matchCriteria.filter((c) => matched.includes(c)).join('+')}`;
}

/** One port per non-empty combination of the chosen criteria, fewest criteria first. */
function matchPorts(chosen: unknown): OutcomePort[] {
  if (!Array.isArray(chosen)) return [];
  const criteria = matchCriteria.filter((c) => chosen.includes(c));
  const combinations: MatchCriterion[][] = [];
  for (let mask = 1; mask < 1 << criteria.length; mask++) {
    combinations.push(criteria.filter((_, i) => mask & (1 << i)));
  }
  combinations.sort((a, b) => a.length - b.length);
  return combinations.map((combination) => ({
    name: matchOutcome(combination),
    label: `Matched ${combination.map((c) => criterionLabels[c]).join(' + ')}`,
  }));
}
