/**
 * Issues in the designer's words. The shared validator names blocks by id and properties by their
 * schema keys ("Property resultVariable is required · b_x1y2z3"), which a designer never sees on
 * the canvas; here they become the block's label and the field's title, as the panels show them.
 */
import type { Application } from '../../../../schemas/application.generated.ts';
import type { RunnableBlockDefinition, ValidationIssue } from '../../api/types.ts';
import { blockName } from '../flow/block-name.ts';
import { outcomesOf } from '../flow/ports.ts';

export interface IssueText {
  /** The block as it reads on the canvas: its label, and its type when the label differs. */
  block: string | null;
  message: string;
}

type Definitions = Readonly<Record<string, RunnableBlockDefinition | undefined>>;

export function issueText(issue: ValidationIssue, doc: Application, definitions: Definitions): IssueText {
  const block = issue.blockId ? doc.blocks[issue.blockId] : undefined;
  const definition = block && definitions[block.type];
  if (!issue.blockId || !block || !definition)
    return { block: issue.blockId ?? null, message: issue.message };
  return {
    block: blockName(doc, definitions, issue.blockId),
    message: readable(issue, block.properties, definition, doc.type),
  };
}

function readable(
  issue: ValidationIssue,
  properties: unknown,
  definition: RunnableBlockDefinition,
  appType: Application['type'],
): string {
  const property = /^Property (\S+) (.*)$/.exec(issue.message);
  if (property) {
    const [field = '', ...rest] = property[1]!.split('/');
    const schema = (definition.properties as { properties?: Record<string, { title?: string }> }).properties;
    const title = schema?.[field]?.title ?? field;
    const where = rest.map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : part)).join(' ');
    return `${title}${where ? ` ${where}` : ''} ${property[2]}`;
  }
  const outcome = /^Outcome '([^']+)'(.*)$/.exec(issue.message);
  if (outcome) {
    const port = outcomesOf(definition, properties as Record<string, unknown>, appType).find(
      (p) => p.name === outcome[1],
    );
    if (port) return `Outcome ${port.label}${outcome[2]}`;
  }
  return issue.message;
}
