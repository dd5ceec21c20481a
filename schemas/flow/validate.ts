/**
 * validateApplication: the one validator of call-flow documents, run by the editor while the
 * designer works and by the runtime before it saves, publishes or runs a flow. It reports
 * every issue it finds, each with a stable code from the error catalogue, the block it
 * concerns and a JSON pointer into the document. Block types come from an injected catalog,
 * so this layer never depends on blocks/.
 */
import type { Application } from '../application.generated.ts';
import { schemaValidator } from '../validation/index.ts';
import type { TenantContext } from './tenant-context.ts';
import { type BlockCatalog, type CheckedBlock, checkBlock } from './validate-blocks.ts';
import { createIssueList, type FlowIssue } from './validate-issues.ts';
import { checkLinks } from './validate-links.ts';
import { checkDeclarations } from './validate-variables.ts';

export type { TenantContext } from './tenant-context.ts';
export type { BlockCatalog, CatalogEntry } from './validate-blocks.ts';
export type { FlowIssue } from './validate-issues.ts';

export interface ValidationReport {
  /** No errors (warnings allowed). */
  valid: boolean;
  errors: number;
  warnings: number;
  issues: FlowIssue[];
  /** The document, typed, when it matched the application schema. */
  application: Application | undefined;
}

export const applicationSchemaId = 'https://ringback.dev/schemas/application.schema.json';

/**
 * `context`: the tenant's queues, business hours, rules and applications. With it, names that
 * refer to them are checked too; without it (a file on the command line) they are not.
 */
export function validateApplication(
  document: unknown,
  catalog: BlockCatalog,
  context?: TenantContext,
): ValidationReport {
  const issues = createIssueList();
  const schemaIssues = schemaValidator().validate(applicationSchemaId, document);
  if (schemaIssues.length > 0) {
    // The other checks assume the document's shape; they would only repeat these issues.
    for (const { pointer, message } of schemaIssues) {
      const blockId = /^\/blocks\/([^/]+)(?:\/|$)/.exec(pointer)?.[1];
      const where = blockId === undefined ? { pointer } : { blockId, pointer };
      issues.error('FLOW_SCHEMA', `${pointer === '' ? 'The document' : pointer} ${message}`, where);
    }
    return report(issues.issues, undefined);
  }
  const application = document as Application;
  const declared = checkDeclarations(application, issues);
  const blockIds = Object.keys(application.blocks);
  if (blockIds.length === 0) issues.warning('EMPTY_FLOW', 'The application has no blocks');
  const scope = { appType: application.type, catalog, declared, issues, context };
  const checked: CheckedBlock[] = blockIds.map((id) => checkBlock(id, application.blocks[id]!, scope));
  checkLinks(application, checked, issues);
  return report(issues.issues, application);
}

function report(issues: FlowIssue[], application: Application | undefined): ValidationReport {
  let errors = 0;
  for (const issue of issues) if (issue.severity === 'error') errors += 1;
  return { valid: errors === 0, errors, warnings: issues.length - errors, issues, application };
}
