import { useEffect, useMemo } from 'react';
import { type BlockCatalog, validateApplication } from '../../../../schemas/flow/validate.ts';
import type { RunnableBlockDefinition } from '../../api/types.ts';
import { designer, useDesigner } from '../store/designer-store.ts';

/** The block catalog the shared validator needs, from GET /api/v1/blocks (which says what is runnable). */
export function catalogOf(definitions: Record<string, RunnableBlockDefinition>): BlockCatalog {
  return {
    find(type) {
      const definition = definitions[type];
      return definition && { definition, runnable: definition.runnable };
    },
  };
}

/**
 * Re-checks the flow shortly after each edit with the same validator the runtime runs before it
 * publishes, so the Issues panel and the server agree. Results live beside the nodes, not in them.
 */
export function useLiveValidation(): void {
  const doc = useDesigner((s) => s.history.present);
  const definitions = useDesigner((s) => s.definitions);
  const catalog = useMemo(() => catalogOf(definitions), [definitions]);
  useEffect(() => {
    const timer = setTimeout(() => designer.setIssues(validateApplication(doc, catalog).issues), 250);
    return () => clearTimeout(timer);
  }, [doc, catalog]);
}
