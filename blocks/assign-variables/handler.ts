import type { BlockHandler } from '../contract.ts';
import type { AssignVariablesProperties } from './properties.generated.ts';

// A failing expression throws; assignments before it stay made, as they would in Designer.
export const assignVariables: BlockHandler<AssignVariablesProperties> = (context) => {
  for (const { variable, expression } of context.properties.assignments) {
    context.setVariable(variable, context.evaluate(expression));
  }
  return { kind: 'outcome', outcome: 'next' };
};
