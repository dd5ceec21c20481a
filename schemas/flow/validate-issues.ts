/** The issues a flow validation reports, and the list the checks append them to. */
import type { ErrorCode } from '../error-codes.generated.ts';
import { escapePointerSegment } from '../validation/issues.ts';

export interface FlowIssue {
  severity: 'error' | 'warning';
  code: ErrorCode;
  message: string;
  blockId?: string;
  /** JSON pointer into the document, e.g. /blocks/b1/properties/prompts/0/value. */
  pointer?: string;
}

export interface IssueLocation {
  blockId?: string;
  pointer?: string;
}

export interface IssueList {
  readonly issues: FlowIssue[];
  error(code: ErrorCode, message: string, where?: IssueLocation): void;
  warning(code: ErrorCode, message: string, where?: IssueLocation): void;
}

export function createIssueList(): IssueList {
  const issues: FlowIssue[] = [];
  const add = (severity: FlowIssue['severity'], code: ErrorCode, message: string, where?: IssueLocation) => {
    const issue: FlowIssue = { severity, code, message };
    if (where?.blockId !== undefined) issue.blockId = where.blockId;
    if (where?.pointer !== undefined) issue.pointer = where.pointer;
    issues.push(issue);
  };
  return {
    issues,
    error: (code, message, where) => add('error', code, message, where),
    warning: (code, message, where) => add('warning', code, message, where),
  };
}

/** Builds a JSON pointer from raw segments, escaping ~ and /. */
export function pointerTo(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${escapePointerSegment(String(segment))}`).join('');
}
