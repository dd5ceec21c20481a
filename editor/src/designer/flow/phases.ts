import type { Application, Phase } from '../../../../schemas/application.generated.ts';
import type { BlockDefinition } from '../../../../schemas/block-definition.generated.ts';

/** Phases in the order a call runs them; each is one lane on the canvas. */
export const PHASES: readonly Phase[] = ['initialize', 'selfService', 'assistedService', 'finalize'];

export const PHASE_LABELS: Record<Phase, string> = {
  initialize: 'Initialize',
  selfService: 'Self Service',
  assistedService: 'Assisted Service',
  finalize: 'Finalize',
};

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** Whether a block definition may be placed in a phase of an application type. */
export function allowedIn(definition: BlockDefinition, appType: Application['type'], phase: Phase): boolean {
  return definition.placement.some((p) => p.appType === appType && (p.phases as string[]).includes(phase));
}
