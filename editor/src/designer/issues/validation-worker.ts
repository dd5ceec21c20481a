/**
 * Checks flows off the page's main thread: compiling the schemas and checking 1,000 blocks takes
 * a few hundred milliseconds, which in the page stalled panning and zooming right after a large
 * flow opened (bench/editor.ts). Each request carries its number; the reply echoes it.
 */
import { checkFlow, type FlowCheck } from './check-flow.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ id: number; check: FlowCheck }>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = ({ data }) => {
  try {
    scope.postMessage({ id: data.id, issues: checkFlow(data.check) });
  } catch (error) {
    scope.postMessage({ id: data.id, error: String(error) });
  }
};
