/** Outcome ports of a block instance: the shared definition, so names match the validator and runtime. */
export { type OutcomePort, outcomesOf } from '../../../../schemas/flow/outcomes.ts';
