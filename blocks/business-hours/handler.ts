import type { BlockHandler } from '../contract.ts';
import type { BusinessHoursProperties } from './properties.generated.ts';

function resourceName(
  properties: BusinessHoursProperties,
  evaluate: (expression: string) => unknown,
): string {
  if (properties.source !== 'expression') return properties.businessHoursName ?? '';
  const { businessHoursExpression } = properties;
  return businessHoursExpression === undefined ? '' : String(evaluate(businessHoursExpression) ?? '');
}

export const businessHours: BlockHandler<BusinessHoursProperties> = async (context) => {
  const { properties } = context;
  const name = resourceName(properties, (expression) => context.evaluate(expression));
  const status = await context.services.businessHours.status(
    name,
    context.now().toMillis(),
    properties.timeZoneOverride,
  );
  if (status === undefined) {
    return { kind: 'error', code: 'RESOURCE_MISSING', message: `no business hours named '${name}'` };
  }
  if (!status.open && properties.terminateIfClosed === true) return { kind: 'end', reason: 'closed' };
  // Unconnected, a special day is just its own opening hours.
  if (status.specialDay !== null && context.isConnected('specialDay'))
    return { kind: 'outcome', outcome: 'specialDay' };
  return { kind: 'outcome', outcome: status.open ? 'open' : 'closed' };
};
