/**
 * Why an import failed, every problem on its own line: the server validates the whole document
 * and lists each field it refused (problem+json `errors`), not only the first.
 */
import { ApiProblem } from '../api/http.ts';

export interface ImportProblems {
  summary: string;
  details: string[];
}

export function importProblems(error: unknown): ImportProblems {
  if (error instanceof SyntaxError) return { summary: `The file is not JSON: ${error.message}`, details: [] };
  if (error instanceof ApiProblem) {
    return {
      summary: error.detail ? `${error.title}: ${error.detail}` : error.title,
      details: error.errors.map((e) => `${e.pointer || '/'}: ${e.message}`),
    };
  }
  return { summary: error instanceof Error ? error.message : String(error), details: [] };
}
