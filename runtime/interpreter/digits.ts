import type { DigitsRequest } from '../../blocks/contract.ts';

export const dtmfPattern = /^[0-9*#]+$/;

/**
 * Takes one entry from the type-ahead buffer: digits up to the terminator (which is consumed
 * and dropped) or up to maxDigits. Returns undefined while the entry is still incomplete.
 */
export function takeEntry(
  buffer: string,
  request: DigitsRequest,
): { digits: string; rest: string } | undefined {
  const limit = Math.max(1, request.maxDigits);
  for (let i = 0; i < buffer.length; i++) {
    if (request.terminator && buffer[i] === request.terminator) {
      return { digits: buffer.slice(0, i), rest: buffer.slice(i + 1) };
    }
    if (i + 1 === limit) {
      // A terminator right after a full entry belongs to that entry, not to the next input.
      const next = i + 1;
      const skip = request.terminator && buffer[next] === request.terminator ? 1 : 0;
      return { digits: buffer.slice(0, next), rest: buffer.slice(next + skip) };
    }
  }
  return undefined;
}
