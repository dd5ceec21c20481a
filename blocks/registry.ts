/**
 * The block library: every block type, listed by hand. Adding a block means adding its folder
 * and two lines here. Definitions-only blocks have no handler yet; the validator reports them
 * as BLOCK_NOT_RUNNABLE.
 */
import type { BlockDefinition } from '../schemas/block-definition.generated.ts';
import assignVariablesDefinition from './assign-variables/definition.json' with { type: 'json' };
import { assignVariables } from './assign-variables/handler.ts';
import businessHoursDefinition from './business-hours/definition.json' with { type: 'json' };
import { businessHours } from './business-hours/handler.ts';
import callbackV2Definition from './callback-v2/definition.json' with { type: 'json' };
import { callbackV2 } from './callback-v2/handler.ts';
import clickToCallInMatchDefinition from './click-to-call-in-match/definition.json' with { type: 'json' };
import { clickToCallInMatch } from './click-to-call-in-match/handler.ts';
import type { BlockHandler } from './contract.ts';
import menuDefinition from './menu/definition.json' with { type: 'json' };
import { menu } from './menu/handler.ts';
import playMessageDefinition from './play-message/definition.json' with { type: 'json' };
import { playMessage } from './play-message/handler.ts';
import routeCallDefinition from './route-call/definition.json' with { type: 'json' };
import { routeCall } from './route-call/handler.ts';
import segmentationDefinition from './segmentation/definition.json' with { type: 'json' };
import { segmentation } from './segmentation/handler.ts';
import terminateCallDefinition from './terminate-call/definition.json' with { type: 'json' };
import { terminateCall } from './terminate-call/handler.ts';
import userInputDefinition from './user-input/definition.json' with { type: 'json' };
import { userInput } from './user-input/handler.ts';

export interface BlockType {
  definition: BlockDefinition;
  /**
   * Properties are typed per block; the registry erases them. The runtime validates an
   * instance's properties against definition.properties before the handler sees them.
   */
  handler?: BlockHandler<unknown>;
}

// JSON imports are typed loosely (string for enums); registry.test.ts validates each
// definition against the block-definition schema, which is what makes these casts true.
function block(definition: unknown, handler?: unknown): BlockType {
  return handler === undefined
    ? { definition: definition as BlockDefinition }
    : { definition: definition as BlockDefinition, handler: handler as BlockHandler<unknown> };
}

const blockTypes: BlockType[] = [
  block(playMessageDefinition, playMessage),
  block(userInputDefinition, userInput),
  block(menuDefinition, menu),
  block(segmentationDefinition, segmentation),
  block(assignVariablesDefinition, assignVariables),
  block(businessHoursDefinition, businessHours),
  block(routeCallDefinition, routeCall),
  block(terminateCallDefinition, terminateCall),
  block(callbackV2Definition, callbackV2),
  block(clickToCallInMatchDefinition, clickToCallInMatch),
];

export const blockRegistry: ReadonlyMap<string, BlockType> = new Map(
  blockTypes.map((b) => [b.definition.id, b]),
);

export function findBlock(id: string): BlockType | undefined {
  return blockRegistry.get(id);
}

export function blockDefinitions(): BlockDefinition[] {
  return blockTypes.map((b) => b.definition);
}
