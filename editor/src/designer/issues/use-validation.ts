import { useEffect, useRef } from 'react';
import type { Application } from '../../../../schemas/application.generated.ts';
import { validationContextApi } from '../../api/endpoints.ts';
import type { ValidationIssue } from '../../api/types.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { cancelIdle, whenIdle } from '../store/when-idle.ts';
import type { FlowCheck } from './check-flow.ts';

/** Two documents that differ at most in their layout (positions, viewport), which validation ignores. */
export function sameButLayout(a: Application, b: Application): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('layout');
  for (const key of keys) if (a[key as keyof Application] !== b[key as keyof Application]) return false;
  return true;
}

/**
 * Checks flows in a worker, one at a time: the newest request wins, and an answer to an older one
 * is dropped. Where workers are missing or fail (unit tests), checks run in the page when it is idle.
 */
function flowChecker() {
  // Started with the first check rather than with the Designer, which then opens sooner.
  let worker: Worker | null | undefined;
  const startWorker = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      worker = new Worker(new URL('./validation-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = null;
      return worker;
    }
    worker.onmessage = ({ data }: MessageEvent<{ id: number; issues?: ValidationIssue[] }>) => {
      if (data.id !== latest || !pending) return;
      // A check that failed in the worker is tried again in the page, where its error shows.
      if (data.issues) pending.done(data.issues);
      else inPage(latest, pending.check, pending.done);
    };
    worker.onerror = () => {
      worker?.terminate();
      worker = null;
      if (pending) inPage(latest, pending.check, pending.done);
    };
    return worker;
  };
  let latest = 0;
  let idle = 0;
  let pending: { check: FlowCheck; done: (issues: ValidationIssue[]) => void } | null = null;
  const inPage = (id: number, check: FlowCheck, done: (issues: ValidationIssue[]) => void) => {
    cancelIdle(idle);
    idle = whenIdle(() => {
      void import('./check-flow.ts').then(({ checkFlow }) => {
        if (id === latest) done(checkFlow(check));
      });
    });
  };
  return {
    check(check: FlowCheck, done: (issues: ValidationIssue[]) => void): void {
      const id = ++latest;
      pending = { check, done };
      const checking = startWorker();
      if (checking) checking.postMessage({ id, check });
      else inPage(id, check, done);
    },
    stop(): void {
      latest++;
      cancelIdle(idle);
      worker?.terminate();
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
  const tenant = useDesigner((s) => s.tenant);
  useEffect(() => {
    validationContextApi.get().then(designer.setTenant, () => designer.setTenant(null));
  }, []);
  const checker = useRef<ReturnType<typeof flowChecker> | null>(null);
  useEffect(() => {
    const made = flowChecker();
    checker.current = made;
    return () => made.stop();
  }, []);
  const checked = useRef<FlowCheck | null>(null);
  useEffect(() => {
    // The first check waits for the tenant's queues and rules, so its list does not change (and
    // mark other blocks) once they arrive.
    if (tenant === undefined) return;
    // Panning, zooming and moving blocks change only the layout: nothing to check again.
    const last = checked.current;
    if (last && last.definitions === definitions && last.tenant === tenant && sameButLayout(last.doc, doc))
      return;
    // After a pause in editing: typing in a field checks once, not per keystroke.
    const timer = setTimeout(() => {
      const check = { doc, definitions, tenant };
      checked.current = check;
      checker.current?.check(check, designer.setIssues);
    }, 250);
    return () => clearTimeout(timer);
  }, [doc, definitions, tenant]);
}
