/**
 * The editor's quick check while the user edits, for comfort only: the runtime's validator
 * (POST validate, publish) is the one that counts. To be replaced by the shared
 * schemas/flow/validate.ts once it lands, so both sides report the same issues.
 */
import type { Application, Phase } from '../../../../schemas/application.generated.ts';
import type { BlockDefinition } from '../../../../schemas/block-definition.generated.ts';
import type { ValidationIssue } from '../../api/types.ts';
import { links } from '../flow/links.ts';
import { allowedIn, PHASE_LABELS, PHASES } from '../flow/phases.ts';
import { outcomesOf } from '../flow/ports.ts';
import { SYSTEM_VARIABLES } from '../variables/system-variables.ts';

export function validateLocally(
  doc: Application,
  definitions: Record<string, BlockDefinition>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const error = (code: string, message: string, blockId?: string) =>
    issues.push({ severity: 'error', code, message, ...(blockId ? { blockId } : {}) });
  const warning = (code: string, message: string, blockId?: string) =>
    issues.push({ severity: 'warning', code, message, ...(blockId ? { blockId } : {}) });

  const seen = new Set<string>();
  for (const v of doc.variables) {
    if (seen.has(v.name)) error('DUPLICATE_VARIABLE', `Variable ${v.name} is declared twice.`);
    if (SYSTEM_VARIABLES.includes(v.name)) error('RESERVED_VARIABLE', `${v.name} is a system variable.`);
    seen.add(v.name);
  }

  for (const phase of PHASES) {
    const inPhase = Object.entries(doc.blocks).filter(([, b]) => b?.phase === phase);
    const entry = doc.phases[phase];
    if (inPhase.length && !entry) {
      error('PHASE_ENTRY_MISSING', `${PHASE_LABELS[phase]} has blocks but no start block.`);
    }
    if (entry && doc.blocks[entry]?.phase !== phase) {
      error('PHASE_ENTRY_WRONG_PHASE', `The start of ${PHASE_LABELS[phase]} is not a block of that phase.`);
    }
    for (const id of unreachable(doc, phase))
      warning('UNREACHABLE_BLOCK', 'This block is never reached.', id);
  }

  for (const [id, block] of Object.entries(doc.blocks)) {
    if (!block) continue;
    const definition = definitions[block.type];
    if (!definition) {
      error('UNKNOWN_BLOCK_TYPE', `Unknown block type ${block.type}.`, id);
      continue;
    }
    if (!allowedIn(definition, doc.type, block.phase)) {
      error(
        'PHASE_NOT_ALLOWED',
        `${definition.title} is not allowed in ${PHASE_LABELS[block.phase]} of a ${doc.type} application.`,
        id,
      );
    }
    const ports = outcomesOf(definition, block.properties).map((o) => o.name);
    for (const [outcome, target] of links(block.next)) {
      if (!ports.includes(outcome)) error('UNKNOWN_OUTCOME', `Link from unknown outcome ${outcome}.`, id);
      const to = doc.blocks[target];
      if (!to) error('LINK_TO_MISSING_BLOCK', `Outcome ${outcome} links to a missing block.`, id);
      else if (to.phase !== block.phase)
        error('LINK_ACROSS_PHASES', `Outcome ${outcome} links into another phase.`, id);
    }
    for (const field of requiredMissing(definition, block.properties)) {
      error('BLOCK_PROPERTIES_INVALID', `${field} is required.`, id);
    }
  }
  return issues;
}

function unreachable(doc: Application, phase: Phase): string[] {
  const entry = doc.phases[phase];
  const reached = new Set<string>();
  const stack = entry ? [entry] : [];
  while (stack.length) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const [, target] of links(doc.blocks[id]?.next ?? {})) stack.push(target);
  }
  return entry
    ? Object.keys(doc.blocks).filter((id) => doc.blocks[id]?.phase === phase && !reached.has(id))
    : [];
}

function requiredMissing(definition: BlockDefinition, properties: Record<string, unknown>): string[] {
  const schema = definition.properties as {
    required?: string[];
    properties?: Record<string, { title?: string }>;
  };
  return (schema.required ?? [])
    .filter((name) => properties[name] === undefined || properties[name] === '')
    .map((name) => schema.properties?.[name]?.title ?? name);
}
