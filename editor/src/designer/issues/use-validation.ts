import { useEffect, useMemo, useRef } from 'react';
import type { Application } from '../../../../schemas/application.generated.ts';
import {
  type BlockCatalog,
  type TenantContext,
  validateApplication,
} from '../../../../schemas/flow/validate.ts';
import { validationContextApi } from '../../api/endpoints.ts';
import type { RunnableBlockDefinition } from '../../api/types.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { cancelIdle, whenIdle } from '../store/when-idle.ts';

/** The block catalog the shared validator needs, from GET /api/v1/blocks (which says what is runnable). */
export function catalogOf(definitions: Record<string, RunnableBlockDefinition>): BlockCatalog {
  return {
    find(type) {
      const definition = definitions[type];
      return definition && { definition, runnable: definition.runnable };
    },
  };
}

/** Two documents that differ at most in their layout (positions, viewport), which validation ignores. */
export function sameButLayout(a: Application, b: Application): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('layout');
  for (const key of keys) if (a[key as keyof Application] !== b[key as keyof Application]) return false;
  return true;
}

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
  const checked = useRef<{ doc: Application; catalog: BlockCatalog; tenant: TenantContext | null } | null>(
    null,
  );
  useEffect(() => {
    // Panning, zooming and moving blocks change only the layout: nothing to check again, and
    // checking 1,000 blocks after every pan would stall the next one.
    const last = checked.current;
    if (last && last.catalog === catalog && last.tenant === tenant && sameButLayout(last.doc, doc)) return;
    // After a pause in editing, and then only when the browser is idle: checking 1,000 blocks must
    // not hold up drawing the canvas that just opened (bench/editor.ts).
    let idle = 0;
    const timer = setTimeout(() => {
      idle = whenIdle(() => {
        checked.current = { doc, catalog, tenant };
        designer.setIssues(validateApplication(doc, catalog, tenant ?? undefined).issues);
      });
    }, 250);
    return () => {
      clearTimeout(timer);
      cancelIdle(idle);
    };
  }, [doc, catalog, tenant]);
}
