/** The runtime's validation of an application: the shared validator over the block registry. */
import { blockRegistry } from '../../blocks/registry.ts';
import { type BlockCatalog, type TenantContext, validateApplication } from '../../schemas/flow/validate.ts';

export const blockCatalog: BlockCatalog = {
  find(type) {
    const block = blockRegistry.get(type);
    return block && { definition: block.definition, runnable: block.handler !== undefined };
  },
};

/** `context`: the tenant's queues, hours, rules and applications, so unknown names are reported. */
export function validateDocument(document: unknown, context?: TenantContext) {
  return validateApplication(document, blockCatalog, context);
}
