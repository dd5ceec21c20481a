import type { BlockInstance } from '../../../../schemas/application.generated.ts';

/** The links of a block as [outcome, target] pairs (the generated type allows undefined holes). */
export function links(next: BlockInstance['next']): [string, string][] {
  return Object.entries(next).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}
