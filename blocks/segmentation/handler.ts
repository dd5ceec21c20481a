import { conditionOutcome } from '../../schemas/flow/outcomes.ts';
import type { BlockHandler } from '../contract.ts';
import type { SegmentationProperties } from './properties.generated.ts';

// An expression that fails throws out of the handler: the interpreter records the error
// (LastErrorCode) and, as the block has no error port, ends the call.
export const segmentation: BlockHandler<SegmentationProperties> = (context) => {
  const index = context.properties.conditions.findIndex((condition) =>
    Boolean(context.evaluate(condition.expression)),
  );
  return { kind: 'outcome', outcome: index === -1 ? 'default' : conditionOutcome(index + 1) };
};
