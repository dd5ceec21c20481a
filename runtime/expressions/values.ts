/**
 * How the subset treats values: property reads limited to own data of plain objects, arrays
 * and strings, and operators that never call into the host (no valueOf/toString on objects).
 */
import { forbiddenProperties } from '../../schemas/expressions/index.ts';
import { expressionError } from './expression-error.ts';

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text '${value.length > 20 ? `${value.slice(0, 20)}…` : value}'`;
  return String(value);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function readProperty(object: unknown, key: unknown, optional: boolean): unknown {
  if (object === undefined || object === null) {
    if (optional) return undefined;
    return expressionError(`cannot read ${String(key)} of ${String(object)}`);
  }
  if (typeof key !== 'string' && typeof key !== 'number') {
    return expressionError(`a property name must be text or a number, not ${describe(key)}`);
  }
  const name = String(key);
  if (forbiddenProperties.has(name)) return expressionError(`the property ${name} may not be read`);
  if (typeof object === 'string') {
    if (name === 'length') return object.length;
    return isIndex(name) ? object[Number(name)] : undefined;
  }
  if (Array.isArray(object)) {
    if (name === 'length') return object.length;
    return isIndex(name) ? object[Number(name)] : undefined;
  }
  if (typeof object === 'object' && isPlainObject(object) && Object.hasOwn(object, name)) {
    const value = (object as Record<string, unknown>)[name];
    return typeof value === 'function' ? undefined : value;
  }
  return undefined;
}

function isIndex(name: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(name);
}

/** An operand of arithmetic or comparison: primitives only, so no host conversion code runs. */
export function primitive(value: unknown, operator: string): unknown {
  if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
    return expressionError(`the operator ${operator} cannot be used with ${describe(value)}`);
  }
  return value;
}

/** Text of a value as prompts and toString() show it. */
export function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}
