/**
 * The one way the editor talks to the runtime: JSON over fetch, problems (RFC 9457) thrown as ApiProblem.
 * The session cookie travels on its own; a bearer token from login is added when we have one.
 */
export interface ProblemField {
  pointer: string;
  message: string;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly corrId: string | undefined;
  readonly errors: ProblemField[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const title = typeof body.title === 'string' ? body.title : `HTTP ${status}`;
    const detail = typeof body.detail === 'string' ? body.detail : undefined;
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
    this.corrId = typeof body.corrId === 'string' ? body.corrId : undefined;
    this.errors = Array.isArray(body.errors) ? (body.errors as ProblemField[]) : [];
    this.body = body;
  }
}

/** A readable one-paragraph message for banners and toasts. */
export function describeError(error: unknown): string {
  if (error instanceof ApiProblem) {
    const fields = error.errors.map((e) => `${e.pointer || '/'}: ${e.message}`).join('; ');
    // The detail often repeats the title (or is the whole story); say it once.
    const text = error.detail && error.detail !== error.title ? error.detail : error.title;
    const parts = [text, fields, error.corrId ? `(ref ${error.corrId})` : ''];
    return parts.filter(Boolean).join(' ');
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Also read by the page's first script (editor/build/designer-preload.ts). */
export const TOKEN_KEY = 'ringback.token';
let unauthorizedListener: (() => void) | undefined;

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function onUnauthorized(listener: () => void): void {
  unauthorizedListener = listener;
}

/**
 * A GET the page's first script already started (editor/build/designer-preload.ts starts a
 * Designer's first requests beside the app's code), taken once; later asks fetch again.
 */
function earlyResponse(path: string): Promise<Response> | undefined {
  const early = (globalThis as { __ringbackEarly?: Record<string, Promise<Response>> }).__ringbackEarly;
  const response = early?.[path];
  if (response) delete early[path];
  return response;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await ((method === 'GET' && earlyResponse(path)) ||
      fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      }));
  } catch (error) {
    throw new ApiProblem(0, { title: 'Network error', detail: describeError(error), code: 'NETWORK' });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = { title: `HTTP ${response.status}`, detail: text.slice(0, 300) };
  }
  if (!response.ok) {
    if (response.status === 401 && !path.endsWith('/auth/login')) unauthorizedListener?.();
    throw new ApiProblem(response.status, (parsed ?? {}) as Record<string, unknown>);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};
