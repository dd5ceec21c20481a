import { useEffect } from 'react';
import { designer, useDesigner } from '../store/designer-store.ts';
import { validateLocally } from './local-validate.ts';

/** Re-checks the flow shortly after each edit; results live beside the nodes, not in them. */
export function useLocalValidation(): void {
  const doc = useDesigner((s) => s.history.present);
  const definitions = useDesigner((s) => s.definitions);
  useEffect(() => {
    const timer = setTimeout(() => designer.setIssues(validateLocally(doc, definitions)), 250);
    return () => clearTimeout(timer);
  }, [doc, definitions]);
}
