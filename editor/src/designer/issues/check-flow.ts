/**
 * One check of a flow, as the Issues panel needs it: the shared validator (the one the runtime
 * runs before it publishes) over the document, the block catalogue and the tenant's references.
 * Runs in the validation worker (validation-worker.ts), or in the page where workers are missing.
 */
import type { Application } from '../../../../schemas/application.generated.ts';
import {
  type BlockCatalog,
  type TenantContext,
  validateApplication,
} from '../../../../schemas/flow/validate.ts';
import type { RunnableBlockDefinition, ValidationIssue } from '../../api/types.ts';

export interface FlowCheck {
  doc: Application;
  definitions: Record<string, RunnableBlockDefinition>;
  tenant: TenantContext | null;
}

/** The block catalog the shared validator needs, from GET /api/v1/blocks (which says what is runnable). */
export function catalogOf(definitions: Record<string, RunnableBlockDefinition>): BlockCatalog {
  return {
    find(type) {
      const definition = definitions[type];
      return definition && { definition, runnable: definition.runnable };
    },
  };
}

export function checkFlow({ doc, definitions, tenant }: FlowCheck): ValidationIssue[] {
  return validateApplication(doc, catalogOf(definitions), tenant ?? undefined).issues;
}
