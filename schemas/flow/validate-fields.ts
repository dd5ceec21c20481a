/**
 * Checks of property values a schema cannot express: a property marked `x-ui.required` must be
 * filled while it is in play (a Play Message without prompts plays nothing, a Route Call without
 * a queue fails the call), and names of the tenant's queues and business hours must exist: an
 * error when the call would fail, a warning when the block's error outcome catches it.
 */
import type { ApplicationType, BlockInstance } from '../application.generated.ts';
import type { BlockDefinition } from '../block-definition.generated.ts';
import { type FieldSchemas, fieldInPlay, isBlank } from './field-visibility.ts';
import type { TenantContext } from './tenant-context.ts';
import { type IssueList, pointerTo } from './validate-issues.ts';

export function checkFieldValues(
  id: string,
  block: BlockInstance,
  definition: BlockDefinition,
  appType: ApplicationType,
  context: TenantContext | undefined,
  issues: IssueList,
): void {
  const fields = ((definition.properties as { properties?: FieldSchemas }).properties ?? {}) as FieldSchemas;
  const properties = (block.properties ?? {}) as Record<string, unknown>;
  for (const [name, schema] of Object.entries(fields)) {
    const ui = schema?.['x-ui'];
    if (!ui || !fieldInPlay(fields, properties, name, appType)) continue;
    const title = schema?.title ?? name;
    const where = { blockId: id, pointer: pointerTo('blocks', id, 'properties', name) };
    const value = properties[name];
    if (ui.required && isBlank(value)) {
      issues.error(
        'REQUIRED_FIELD_MISSING',
        `${title} is required: ${definition.title} cannot run without it`,
        where,
      );
      continue;
    }
    if (!context || typeof value !== 'string' || isBlank(value)) continue;
    const unknown = unknownReference(ui.widget, value, definition, context);
    if (!unknown) continue;
    // With its error outcome linked the call goes on along that path: it might go wrong, not fail.
    const handled = block.next.error !== undefined && block.next.error !== null;
    const severity = unknown.callFails && !handled ? 'error' : 'warning';
    issues[severity]('UNKNOWN_REFERENCE', `${title} “${value}” ${unknown.problem}`, where);
  }
}

/** `callFails`: the block cannot do its work with this name (rather than doing it somewhere odd). */
function unknownReference(
  widget: string | undefined,
  value: string,
  definition: BlockDefinition,
  context: TenantContext,
): { problem: string; callFails: boolean } | null {
  if (widget === 'businessHours') {
    if (context.businessHours.includes(value)) return null;
    return { problem: 'is not a business-hours name of this tenant', callFails: true };
  }
  if (widget !== 'virtualQueue') return null;
  // A callback block books into a CALLBACK_SETTINGS row: without one, no offer and no booking.
  if (definition.category === 'Callback') {
    if (context.callbackQueues.includes(value)) return null;
    return { problem: 'has no CALLBACK_SETTINGS row: no callback can be offered or booked', callFails: true };
  }
  // Routing to a name nobody configured still queues the call, for agents that may never come.
  if (context.routingQueues.includes(value) || context.callbackQueues.includes(value)) return null;
  return {
    problem:
      'is not a virtual queue of this tenant (no CALLBACK_SETTINGS row or contact-center queue has this name)',
    callFails: false,
  };
}
