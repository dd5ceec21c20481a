/**
 * Changes inside one block that exists in both versions: prompts (old → new text), menu options
 * added or removed, every other property by its path and schema title, links (rewired) and
 * position (moved, layout only).
 */
import type { Application, BlockInstance } from '../../../../schemas/application.generated.ts';
import type { BlockDefinition } from '../../../../schemas/block-definition.generated.ts';
import { expandFieldPattern } from '../../../../schemas/flow/validate-pointer.ts';
import { outcomesOf } from '../flow/ports.ts';
import { sameJson } from '../flow/same-json.ts';
import { blockName, promptText, showValue } from './diff-format.ts';
import type { FlowChange } from './diff-types.ts';
import { matchesPattern, propertyLabel } from './property-labels.ts';

interface Pair {
  id: string;
  before: Application;
  after: Application;
  definitions: Readonly<Record<string, BlockDefinition>>;
}

type Props = Record<string, unknown>;

export function diffBlock(pair: Pair): FlowChange[] {
  const { id, before, after, definitions } = pair;
  const old = before.blocks[id]!;
  const now = after.blocks[id]!;
  const definition = definitions[now.type];
  const name = blockName(after, id, definitions);
  const changes: FlowChange[] = [];
  const push = (change: Omit<FlowChange, 'blockId'>) => changes.push({ blockId: id, ...change });

  for (const key of ['label', 'notes', 'disabled', 'phase', 'type', 'typeVersion'] as const) {
    if (!sameJson(old[key], now[key])) {
      push({
        kind: 'propertyChanged',
        path: `/blocks/${id}/${key}`,
        before: old[key],
        after: now[key],
        summary: `${name} › ${BLOCK_FIELDS[key]}: ${showValue(old[key])} → ${showValue(now[key])}`,
      });
    }
  }

  const skip = new Set<string>();
  for (const pattern of definition?.promptFields ?? []) {
    for (const pointer of promptListPointers(old.properties, now.properties, pattern)) {
      skip.add(pointer);
      changes.push(...diffPrompts(id, name, definition, pointer, old.properties, now.properties));
    }
  }
  if (definition?.dynamicOutcomes === 'menuOptions') {
    skip.add('/options');
    changes.push(...diffOptions(id, name, old.properties as Props, now.properties as Props));
  }
  const leaves: [string, unknown, unknown][] = [];
  walk(old.properties, now.properties, '', skip, leaves);
  for (const [pointer, from, to] of leaves) {
    const topic = topicOf(definition, pointer);
    push({
      kind: 'propertyChanged',
      path: `/blocks/${id}/properties${pointer}`,
      before: from,
      after: to,
      summary: `${name} › ${propertyLabel(definition, pointer)}: ${showValue(from)} → ${showValue(to)}`,
      ...(topic ? { topic } : {}),
    });
  }

  changes.push(...diffLinks(pair, old, now, name));
  const from = before.layout?.positions?.[id];
  const to = after.layout?.positions?.[id];
  if (from && to && (from.x !== to.x || from.y !== to.y)) {
    push({ kind: 'blockMoved', path: `/layout/positions/${id}`, summary: `${name} moved (layout only)` });
  }
  return changes;
}

const BLOCK_FIELDS = {
  label: 'Label',
  notes: 'Notes',
  disabled: 'Disabled',
  phase: 'Phase',
  type: 'Block type',
  typeVersion: 'Block version',
} as const;

function topicOf(definition: BlockDefinition | undefined, pointer: string): FlowChange['topic'] {
  if (matchesPattern(pointer, definition?.expressionFields)) return 'expression';
  if (/queue/i.test(pointer)) return 'queue';
  if (/businessHours/i.test(pointer)) return 'businessHours';
  return undefined;
}

function promptListPointers(old: unknown, now: unknown, pattern: string): Set<string> {
  return new Set(
    [...expandFieldPattern(old, pattern), ...expandFieldPattern(now, pattern)].map((m) => m.pointer),
  );
}

function at(properties: unknown, pointer: string): unknown {
  return expandFieldPattern(properties, pointer)[0]?.value;
}

function diffPrompts(
  id: string,
  name: string,
  definition: BlockDefinition | undefined,
  pointer: string,
  old: unknown,
  now: unknown,
): FlowChange[] {
  const from = asArray(at(old, pointer));
  const to = asArray(at(now, pointer));
  const label = propertyLabel(definition, pointer);
  const changes: FlowChange[] = [];
  for (let i = 0; i < Math.max(from.length, to.length); i += 1) {
    if (sameJson(from[i], to[i])) continue;
    const where = `${name} › ${label} #${i + 1}`;
    const summary =
      from[i] === undefined
        ? `${where} added: ${promptText(to[i])}`
        : to[i] === undefined
          ? `${where} removed: ${promptText(from[i])}`
          : `${where}: ${promptText(from[i])} → ${promptText(to[i])}`;
    changes.push({
      kind: 'promptChanged',
      blockId: id,
      path: `/blocks/${id}/properties${pointer}/${i}`,
      before: from[i],
      after: to[i],
      summary,
    });
  }
  return changes;
}

function diffOptions(id: string, name: string, old: Props, now: Props): FlowChange[] {
  const key = (o: unknown) => String((o as { digit?: unknown })?.digit ?? '');
  const from = new Map(asArray(old.options).map((o) => [key(o), o]));
  const to = new Map(asArray(now.options).map((o) => [key(o), o]));
  const changes: FlowChange[] = [];
  const option = (o: unknown) => {
    const label = (o as { label?: unknown }).label;
    return `option ${key(o)}${typeof label === 'string' && label ? ` (${label})` : ''}`;
  };
  for (const [digit, o] of to) {
    const was = from.get(digit);
    if (was === undefined)
      changes.push({ kind: 'optionAdded', blockId: id, after: o, summary: `${name}: ${option(o)} added` });
    else if (!sameJson(was, o))
      changes.push({
        kind: 'propertyChanged',
        blockId: id,
        before: was,
        after: o,
        summary: `${name}: ${option(was)} is now ${option(o)}`,
      });
  }
  for (const [digit, o] of from) {
    if (!to.has(digit))
      changes.push({
        kind: 'optionRemoved',
        blockId: id,
        before: o,
        summary: `${name}: ${option(o)} removed`,
      });
  }
  return changes;
}

function diffLinks(pair: Pair, old: BlockInstance, now: BlockInstance, name: string): FlowChange[] {
  const { id, before, after, definitions } = pair;
  const definition = definitions[now.type];
  const ports = new Map(
    (definition ? outcomesOf(definition, now.properties) : []).map((p) => [p.name, p.label]),
  );
  const outcomes = new Set([...Object.keys(old.next), ...Object.keys(now.next)]);
  const changes: FlowChange[] = [];
  for (const outcome of outcomes) {
    const from = old.next[outcome];
    const to = now.next[outcome];
    if (from === to) continue;
    const port = ports.get(outcome) ?? outcome;
    const was = from ? blockName(before, from, definitions) : undefined;
    const summary = to
      ? `${name} › ${port} now goes to ${blockName(after, to, definitions)}${was ? ` (was ${was})` : ''}`
      : `${name} › ${port} disconnected (was ${was})`;
    changes.push({
      kind: 'blockRewired',
      blockId: id,
      path: `/blocks/${id}/next/${outcome}`,
      before: from,
      after: to,
      summary,
    });
  }
  return changes;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

const isRecord = (v: unknown): v is Props => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaf differences between two property values; arrays of objects are compared item by item. */
function walk(
  old: unknown,
  now: unknown,
  pointer: string,
  skip: Set<string>,
  out: [string, unknown, unknown][],
) {
  if (skip.has(pointer) || sameJson(old, now)) return;
  if (isRecord(old) && isRecord(now)) {
    for (const key of new Set([...Object.keys(old), ...Object.keys(now)]))
      walk(old[key], now[key], `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, skip, out);
    return;
  }
  if (Array.isArray(old) && Array.isArray(now) && [...old, ...now].some(isRecord)) {
    for (let i = 0; i < Math.max(old.length, now.length); i += 1)
      walk(old[i], now[i], `${pointer}/${i}`, skip, out);
    return;
  }
  out.push([pointer, old, now]);
}
