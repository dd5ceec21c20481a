import { useEffect, useMemo } from 'react';
import { type BlockCatalog, validateApplication } from '../../../../schemas/flow/validate.ts';
import { validationContextApi } from '../../api/endpoints.ts';
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

const whenIdle = (run: () => void): number =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout: 1000 })
    : window.setTimeout(run, 0);
const cancelIdle = (handle: number) =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : window.clearTimeout(handle);

/**
 * Re-checks the flow shortly after each edit with the same validator the runtime runs before it
 * publishes, so the Issues panel and the server agree. Results live beside the nodes, not in them.
 */
export function useLiveValidation(): void {
  const doc = useDesigner((s) => s.history.present);
  const definitions = useDesigner((s) => s.definitions);
  const catalog = useMemo(() => catalogOf(definitions), [definitions]);
  const tenant = useDesigner((s) => s.tenant);
  useEffect(() => {
    validationContextApi.get().then(designer.setTenant, () => undefined);
  }, []);
  useEffect(() => {
    // After a pause in editing, and then only when the browser is idle: checking 1,000 blocks must
    // not hold up drawing the canvas that just opened (bench/editor.ts).
    let idle = 0;
    const timer = setTimeout(() => {
      idle = whenIdle(() =>
        designer.setIssues(validateApplication(doc, catalog, tenant ?? undefined).issues),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      cancelIdle(idle);
    };
  }, [doc, catalog, tenant]);
}
