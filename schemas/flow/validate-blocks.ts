/**
 * Checks of one block instance against its definition: known type and version, properties
 * against the definition's schema, runnable in this build, allowed in the application type
 * and phase, and its expression, prompt and variable fields.
 */
import type { ApplicationType, BlockInstance } from '../application.generated.ts';
import type { BlockDefinition } from '../block-definition.generated.ts';
import { schemaValidator } from '../validation/index.ts';
import { outcomesOf } from './outcomes.ts';
import type { TenantContext } from './tenant-context.ts';
import { checkFieldValues } from './validate-fields.ts';
import { type IssueList, pointerTo } from './validate-issues.ts';
import { checkFields } from './validate-variables.ts';

export interface CatalogEntry {
  definition: BlockDefinition;
  /** False for definitions whose handler has not been written yet. */
  runnable: boolean;
}

/** The block types the validator knows; injected so that schemas/ never imports blocks/. */
export interface BlockCatalog {
  find(type: string): CatalogEntry | undefined;
}

export interface CheckedBlock {
  id: string;
  block: BlockInstance;
  /** Undefined when the type is unknown. */
  definition: BlockDefinition | undefined;
  /** Outcome port names; undefined when the type or its version is unknown. */
  ports: string[] | undefined;
}

export interface BlockScope {
  appType: ApplicationType;
  catalog: BlockCatalog;
  declared: ReadonlySet<string>;
  issues: IssueList;
  /** The tenant's queues, hours, rules and applications; without it references are not checked. */
  context?: TenantContext | undefined;
}

export function checkBlock(id: string, block: BlockInstance, scope: BlockScope): CheckedBlock {
  const { issues } = scope;
  const entry = scope.catalog.find(block.type);
  if (entry === undefined) {
    issues.error('UNKNOWN_BLOCK_TYPE', `Unknown block type '${block.type}'`, {
      blockId: id,
      pointer: pointerTo('blocks', id, 'type'),
    });
    return { id, block, definition: undefined, ports: undefined };
  }
  const { definition } = entry;
  checkPlacement(id, block, definition, scope);
  if (!entry.runnable) {
    issues.error('BLOCK_NOT_RUNNABLE', `${definition.title} cannot run yet in this version of Ringback`, {
      blockId: id,
      pointer: pointerTo('blocks', id, 'type'),
    });
  }
  if (block.typeVersion !== definition.version) {
    // Properties, fields and ports belong to a version; checking an old instance against the
    // current definition would only add noise to the one issue that matters.
    issues.error(
      'UNKNOWN_BLOCK_VERSION',
      `${definition.title} version ${block.typeVersion} is not supported (this build has version ${definition.version})`,
      { blockId: id, pointer: pointerTo('blocks', id, 'typeVersion') },
    );
    return { id, block, definition, ports: undefined };
  }
  const base = pointerTo('blocks', id, 'properties');
  for (const issue of schemaValidator().compile(definition.properties)(block.properties)) {
    issues.error('BLOCK_PROPERTIES_INVALID', `${label(issue.pointer)} ${issue.message}`, {
      blockId: id,
      pointer: base + issue.pointer,
    });
  }
  checkFields(definition, block.properties, { blockId: id, base, declared: scope.declared, issues });
  checkFieldValues(id, block, definition, scope.appType, scope.context, issues);
  const ports = outcomesOf(definition, block.properties, scope.appType).map((port) => port.name);
  return { id, block, definition, ports };
}

function checkPlacement(id: string, block: BlockInstance, definition: BlockDefinition, scope: BlockScope) {
  const placement = definition.placement.find((p) => p.appType === scope.appType);
  if (placement === undefined) {
    scope.issues.error(
      'APP_TYPE_NOT_ALLOWED',
      `${definition.title} is not allowed in a ${scope.appType} application`,
      { blockId: id, pointer: pointerTo('blocks', id, 'type') },
    );
  } else if (!placement.phases.includes(block.phase)) {
    scope.issues.error(
      'PHASE_NOT_ALLOWED',
      `${definition.title} is not allowed in the ${block.phase} phase of a ${scope.appType} application`,
      { blockId: id, pointer: pointerTo('blocks', id, 'phase') },
    );
  }
}

/** "Property prompts/0/value" for a schema issue's relative pointer; "Properties" for the root. */
function label(pointer: string): string {
  return pointer === '' ? 'Properties' : `Property ${pointer.slice(1)}`;
}
