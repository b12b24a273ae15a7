// The one way the app talks to the server: JSON in and out, the JWT from login, errors as ApiError.
const TOKEN_KEY = 'kitt.token';

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.code;
    // The input at fault, when the server names one (its error body's "field").
    this.field = (body && body.field) || null;
  }
  get missing() { return this.status === 404 || this.status === 405; }
}

export const auth = {
  token: () => localStorage.getItem(TOKEN_KEY),
  set(token) {
    localStorage.setItem(TOKEN_KEY, token);
    // The Devon iframe cannot send headers: the proxy under /devon-app reads this cookie instead.
    document.cookie = `kitt_token=${token}; path=/devon-app; SameSite=Strict`;
  },
  clear() {
    localStorage.removeItem(TOKEN_KEY);
    document.cookie = 'kitt_token=; path=/devon-app; max-age=0';
  },
};

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  const token = auth.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { error: `cannot reach the server (${e.message})` });
  }
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { error: text.slice(0, 200) }; }
  if (res.status === 401 && !path.startsWith('/auth/')) {
    auth.clear();
    location.hash = '#/login';
  }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

/** An EventSource on one of the two SSE routes; EventSource cannot send headers, hence access_token. */
export function stream(path, params = {}) {
  const q = new URLSearchParams({ ...params, access_token: auth.token() || '' });
  return new EventSource(`/api/v1${path}?${q}`);
}
