import type { BlockHandler } from '../contract.ts';
import type { TerminateCallProperties } from './properties.generated.ts';

export const terminateCall: BlockHandler<TerminateCallProperties> = (context) => ({
  kind: 'end',
  reason: context.properties.reason ?? 'terminated',
});
