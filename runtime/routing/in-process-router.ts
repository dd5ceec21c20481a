/**
 * The simplest router that honours the routing interface: every call to a queue whose skill
 * expression parses is answered at once by a synthetic agent of that queue. The contact-center
 * simulator replaces it with real queues, agents and waiting.
 */
import type { BlockServices, RouteResult } from '../../blocks/contract.ts';
import { checkSkillExpression } from '../contact-center/index.ts';

export function inProcessRouter(): BlockServices['routing'] {
  return {
    async route(_callId, request): Promise<RouteResult> {
      if (!request.virtualQueue)
        return { kind: 'error', code: 'RESOURCE_MISSING', message: 'no virtual queue given' };
      if (request.skillExpression) {
        const problem = checkSkillExpression(request.skillExpression);
        if (problem) {
          return {
            kind: 'error',
            code: 'BLOCK_FAILED',
            message: `skill expression: ${problem.message} at ${problem.position}`,
          };
        }
      }
      return { kind: 'routed', agentId: `agent-${request.virtualQueue}`, virtualQueue: request.virtualQueue };
    },
  };
}
