/** The runtime's validation of an application: the shared validator over the block registry. */
import { blockRegistry } from '../../blocks/registry.ts';
import { type BlockCatalog, validateApplication } from '../../schemas/flow/validate.ts';

export const blockCatalog: BlockCatalog = {
  find(type) {
    const block = blockRegistry.get(type);
    return block && { definition: block.definition, runnable: block.handler !== undefined };
  },
};

export function validateDocument(document: unknown) {
  return validateApplication(document, blockCatalog);
}
