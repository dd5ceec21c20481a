/**
 * Variable declarations, and the variables that block fields read (expressions, prompt
 * templates) and write (result variables). Every name must be declared by the application
 * or be a system variable; only writable system variables may be written.
 */
import type { Application } from '../application.generated.ts';
import type { BlockDefinition } from '../block-definition.generated.ts';
import { findSystemVariable, parseExpression, parseTemplate } from '../expressions/index.ts';
import { type IssueList, pointerTo } from './validate-issues.ts';
import { expandFieldPattern } from './validate-pointer.ts';

/** Reports DUPLICATE_VARIABLE and RESERVED_VARIABLE; returns the declared names. */
export function checkDeclarations(application: Application, issues: IssueList): Set<string> {
  const declared = new Set<string>();
  application.variables.forEach((variable, index) => {
    const where = { pointer: pointerTo('variables', index, 'name') };
    if (findSystemVariable(variable.name) !== undefined) {
      issues.error('RESERVED_VARIABLE', `${variable.name} is a system variable; choose another name`, where);
    } else if (declared.has(variable.name)) {
      issues.error('DUPLICATE_VARIABLE', `Variable ${variable.name} is declared more than once`, where);
    }
    declared.add(variable.name);
  });
  return declared;
}

export interface FieldScope {
  blockId: string;
  /** Pointer of the block's properties in the document. */
  base: string;
  declared: ReadonlySet<string>;
  issues: IssueList;
}

type FieldPatterns = Pick<BlockDefinition, 'expressionFields' | 'variableFields' | 'promptFields'>;

export function checkFields(definition: FieldPatterns, properties: unknown, scope: FieldScope): void {
  for (const pattern of definition.expressionFields ?? []) {
    for (const field of expandFieldPattern(properties, pattern)) {
      if (typeof field.value === 'string' && field.value !== '')
        checkExpression(field.value, scope.base + field.pointer, scope);
    }
  }
  for (const pattern of definition.promptFields ?? []) {
    for (const list of expandFieldPattern(properties, pattern)) {
      if (!Array.isArray(list.value)) continue;
      list.value.forEach((prompt: unknown, index) => {
        checkPrompt(prompt, `${scope.base}${list.pointer}/${index}/value`, scope);
      });
    }
  }
  for (const pattern of definition.variableFields ?? []) {
    for (const field of expandFieldPattern(properties, pattern)) {
      if (typeof field.value === 'string' && field.value !== '')
        checkWrite(field.value, scope.base + field.pointer, scope);
    }
  }
}

function checkPrompt(prompt: unknown, pointer: string, scope: FieldScope): void {
  if (typeof prompt !== 'object' || prompt === null) return;
  const { type, value } = prompt as { type?: unknown; value?: unknown };
  if (typeof value !== 'string' || value === '') return;
  if (type === 'variable') checkExpression(value, pointer, scope);
  if (type !== 'tts') return;
  const template = parseTemplate(value);
  if (!template.ok) {
    scope.issues.error(template.code, template.message, { blockId: scope.blockId, pointer });
    return;
  }
  for (const part of template.parts) {
    if (typeof part !== 'string') checkReads(part.parsed.variables, pointer, scope);
  }
}

function checkExpression(source: string, pointer: string, scope: FieldScope): void {
  const parsed = parseExpression(source);
  if (!parsed.ok) {
    scope.issues.error(parsed.code, parsed.message, { blockId: scope.blockId, pointer });
    return;
  }
  checkReads(parsed.variables, pointer, scope);
}

function checkReads(names: readonly string[], pointer: string, scope: FieldScope): void {
  for (const name of names) {
    if (scope.declared.has(name) || findSystemVariable(name) !== undefined) continue;
    scope.issues.error('UNDECLARED_VARIABLE', `Variable ${name} is not declared`, {
      blockId: scope.blockId,
      pointer,
    });
  }
}

function checkWrite(name: string, pointer: string, scope: FieldScope): void {
  const where = { blockId: scope.blockId, pointer };
  const system = findSystemVariable(name);
  if (system?.readOnly) {
    scope.issues.error('READ_ONLY_VARIABLE', `${name} is a read-only system variable`, where);
  } else if (system === undefined && !scope.declared.has(name)) {
    scope.issues.error('UNDECLARED_VARIABLE', `Variable ${name} is not declared`, where);
  }
}
