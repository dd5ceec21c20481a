import type { Context } from 'hono';
import { ApiError } from './problem.ts';

export const maxPageSize = 250;

/** ?page=&pageSize= with bounds; a bad value is a 400 naming the parameter. */
export function paging(c: Context, defaultSize = 50): { page: number; pageSize: number } {
  const read = (name: string, fallback: number, max: number) => {
    const raw = c.req.query(name);
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new ApiError('VALIDATION_FAILED', `${name} must be an integer from 1 to ${max}`, {
        errors: [{ pointer: `/query/${name}`, message: `must be an integer from 1 to ${max}` }],
      });
    }
    return value;
  };
  return { page: read('page', 1, 1_000_000), pageSize: read('pageSize', defaultSize, maxPageSize) };
}
