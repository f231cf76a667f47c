// Calls to the JSON API (docs/api.md). Every state-changing request carries the
// session's CSRF token; errors become ApiError with the server's stable code and its
// message, already in the user's language (the server reads the `lang` cookie).

export interface Me {
  user: string | null;
  role: string;
  expires_at: number;
  csrf_token: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    readonly body: any = null,
  ) {
    super(message);
  }
}

let csrfToken = '';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

// Called when a request answers 401 unauthenticated (the session ended or expired).
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (response.status === 204) return undefined as T;
  let json: any = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = json?.error ?? {};
    if (response.status === 401 && error.code === 'unauthenticated' && onUnauthenticated) onUnauthenticated();
    throw new ApiError(response.status, error.code ?? `http_${response.status}`, error.message ?? '', error.field ?? null, json);
  }
  return json as T;
}

export const get = <T = any>(path: string) => api<T>('GET', path);

// Builds "/api/v1/..." with each path part and query value encoded.
export function apiPath(parts: (string | number)[], query?: Record<string, string | number>): string {
  const path = '/api/v1/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  return `${path}?${params}`;
}
