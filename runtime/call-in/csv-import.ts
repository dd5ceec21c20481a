/**
 * The bulk import of a group's DNIS pool: a CSV file of `number,description` rows (the
 * description may be empty but its comma stays), parsed by csv-parse. Every row is checked against
 * the same schema as a pool entered by hand, and every failing row is reported at once with its
 * line number; with any error nothing is imported.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { PoolNumber } from '../../schemas/call-in.generated.ts';
import { schemaValidator } from '../../schemas/validation/index.ts';
import type { FieldError } from '../http/problem.ts';
import { duplicateErrors } from './group-store.ts';

const poolNumber = 'https://ringback.dev/schemas/call-in.schema.json#/$defs/poolNumber';
const MAX_NUMBERS = 10_000;

/** A first row naming its columns (number / dnis, description) is a header, not a number. */
const isHeader = (cells: string[]) => /^(dnis|number|phone ?number)$/i.test(cells[0]?.trim() ?? '');

export function parsePoolCsv(text: string): { numbers: PoolNumber[]; errors: FieldError[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
    return {
      numbers: [],
      errors: [
        { pointer: `/lines/${line ?? 1}`, message: `not readable as CSV: ${(error as Error).message}` },
      ],
    };
  }
  if (records[0] && isHeader(records[0].record)) records = records.slice(1);
  const errors: FieldError[] = [];
  const numbers: PoolNumber[] = [];
  const lines: number[] = [];
  const validator = schemaValidator();
  for (const { record, info } of records) {
    const at = `/lines/${info.lines}`;
    if (record.length > 2) {
      errors.push({ pointer: at, message: `expected number,description; found ${record.length} columns` });
      continue;
    }
    const [number = '', description = ''] = record;
    const entry: PoolNumber = description === '' ? { number } : { number, description };
    const issues = validator.validate(poolNumber, entry);
    for (const issue of issues) errors.push({ pointer: `${at}${issue.pointer}`, message: issue.message });
    if (issues.length === 0) {
      numbers.push(entry);
      lines.push(info.lines);
    }
  }
  errors.push(...duplicateErrors(numbers, (i) => `/lines/${lines[i]}/number`));
  if (records.length === 0)
    errors.push({ pointer: '/lines', message: 'the file holds no number (at least one)' });
  if (records.length > MAX_NUMBERS)
    errors.push({
      pointer: '/lines',
      message: `${records.length} numbers; a group holds at most ${MAX_NUMBERS}`,
    });
  errors.sort((a, b) => lineOf(a.pointer) - lineOf(b.pointer));
  return { numbers, errors };
}

const lineOf = (pointer: string) => Number(pointer.split('/')[2] ?? 0) || 0;
