/**
 * Per-queue isolation of the engine's work: each queue's configuration, purge and dispatch run
 * guarded, so a queue whose work fails (a settings row made bad outside the API, business hours
 * deleted, a rule that no longer compiles) is skipped and the other queues go on. A failing queue
 * is reported at most once per interval, by name, with how many failures the interval held; the
 * report carries the error's code and message, never its query parameters.
 */
export const QUEUE_FAULT_REPORT_EVERY_MS = 60_000;

export interface QueueRef {
  tenantId: string;
  virtualQueue: string;
}

export function queueFaults(options: {
  nodeId: string;
  now: () => number;
  everyMs?: number;
  report?: (line: string) => void;
}) {
  const everyMs = options.everyMs ?? QUEUE_FAULT_REPORT_EVERY_MS;
  const report = options.report ?? ((line: string) => console.error(line));
  const faults = new Map<string, { reportedAt: number; unreported: number }>();

  function failed(queue: QueueRef, stage: string, error: unknown): void {
    const key = `${queue.tenantId}/${queue.virtualQueue}`;
    const now = options.now();
    const fault = faults.get(key);
    if (fault && now - fault.reportedAt < everyMs && now >= fault.reportedAt) {
      fault.unreported++;
      return;
    }
    const earlier = fault?.unreported ? ` (${fault.unreported} more failures since the last report)` : '';
    faults.set(key, { reportedAt: now, unreported: 0 });
    report(
      `[engine ${options.nodeId}] queue ${queue.virtualQueue} of tenant ${queue.tenantId} skipped: ${stage} failed: ${describeError(error)}${earlier}`,
    );
  }

  return {
    /** Runs one queue's work; a failure is reported and answers undefined instead of throwing. */
    async guard<T>(queue: QueueRef, stage: string, work: () => Promise<T> | T): Promise<T | undefined> {
      try {
        return await work();
      } catch (error) {
        failed(queue, stage, error);
        return undefined;
      }
    },
    failed,
  };
}

/**
 * Code and message only: a database error also carries its statement and parameters, and
 * drizzle's wrapper puts both in its message, so the driver's error (its cause) is described.
 */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 300);
  if (error.cause instanceof Error) return describeError(error.cause);
  const code = (error as { code?: unknown }).code;
  const message = error.message.length > 300 ? `${error.message.slice(0, 300)}…` : error.message;
  return typeof code === 'string' ? `${code} ${message}` : message;
}

export type QueueFaults = ReturnType<typeof queueFaults>;
