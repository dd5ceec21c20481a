/**
 * Click-to-Call-In Match: finds the valid, unexpired Call-In request this call matches on the
 * chosen criteria (DNIS dialled, ANI, access code entered), and takes the port of the criteria
 * that matched (`match:accessCode+dnis`…) or `nothingMatched`. On a match it hands the request's
 * user data and the original callback's routing (virtual queue, skill expression, priority) to the
 * variables the designer chose, for a following Route Call.
 */
import { matchOutcome } from '../../schemas/flow/outcomes.ts';
import type { BlockHandler, BlockResult } from '../contract.ts';
import type { ClicktoCallInMatchProperties } from './properties.generated.ts';

const outcome = (name: string): BlockResult => ({ kind: 'outcome', outcome: name });

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export const clickToCallInMatch: BlockHandler<ClicktoCallInMatchProperties> = async (context) => {
  const services = context.services.callIn;
  if (!services)
    return {
      kind: 'error',
      code: 'RESOURCE_MISSING',
      message: 'no Click-To-Call-In requests in this runtime',
    };
  const { properties } = context;
  const criteria = properties.matchCriteria;
  const accessCode =
    criteria.includes('accessCode') && properties.accessCode
      ? text(context.evaluate(properties.accessCode)).trim()
      : undefined;
  const found = await services.match({
    criteria,
    dnis: text(context.getVariable('DNIS')),
    ani: text(context.getVariable('ANI')),
    accessCode,
    callId: context.callId,
  });
  if (!found) return outcome('nothingMatched');
  if (properties.resultVariable) context.setVariable(properties.resultVariable, found.userData);
  const variables = properties.routingParameters;
  if (found.routing && variables) {
    if (variables.virtualQueueVariable)
      context.setVariable(variables.virtualQueueVariable, found.routing.virtualQueue);
    if (variables.skillExpressionVariable)
      context.setVariable(variables.skillExpressionVariable, found.routing.skillExpression);
    if (variables.priorityVariable) context.setVariable(variables.priorityVariable, found.routing.priority);
  }
  return outcome(matchOutcome(found.matched));
};
