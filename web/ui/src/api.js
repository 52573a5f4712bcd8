// The HTTP API client (docs/api.md). All paths are relative to /api/v1.

const BASE = new URL('api/v1/', document.baseURI);
const TOKEN_KEY = 'kg.token';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}
export function setToken(t) {
  if (t) sessionStorage.setItem(TOKEN_KEY, t);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** url('graph', {seed: 'x'}) gives the absolute URL of an API path. */
export function url(path, params) {
  const u = new URL(path, BASE);
  if (params) {
    for (const [k, v] of Object.entries(params)) {
      if (v == null || v === '' || v === false) continue;
      if (Array.isArray(v)) { if (v.length) u.searchParams.set(k, v.join(',')); } else u.searchParams.set(k, String(v));
    }
  }
  return u.toString();
}

/** An id (enterprise/京东方) as one escaped path segment. */
export function seg(id) {
  return encodeURIComponent(id);
}

async function request(method, path, { params, body, headers = {}, auth = false } = {}) {
  if (auth) {
    const t = getToken();
    if (t) headers.Authorization = 'Bearer ' + t;
  }
  const res = await fetch(url(path, params), { method, body, headers });
  const ct = res.headers.get('content-type') || '';
  let data = null;
  if (ct.includes('json')) data = await res.json().catch(() => null);
  else data = await res.text();
  if (!res.ok) {
    const e = data && data.error;
    throw new ApiError(res.status, e && e.code, (e && e.message) || (typeof data === 'string' && data.slice(0, 200)) || res.statusText);
  }
  return data;
}

export const api = {
  chains: () => request('GET', 'chains'),
  // A page of a chain's firms in the brief view (what a list shows; the
  // firm's detail has the rest), from offset.
  chainFirms: (id, inferred = true, offset = 0) => request('GET', `chains/${seg(id)}/firms`,
    { params: { inferred: String(inferred), view: 'brief', ...(offset ? { offset: String(offset) } : {}) } }),
  entities: (params) => request('GET', 'entities', { params }),
  entity: (id) => request('GET', `entities/${seg(id)}`),
  graph: (params) => request('GET', 'graph', { params }),
  paths: (params) => request('GET', 'paths', { params }),
  projects: (params) => request('GET', 'projects', { params }),
  documents: () => request('GET', 'documents'),
  document: (id) => request('GET', `documents/${seg(id)}`),
  upload: (files) => {
    const fd = new FormData();
    for (const f of files) fd.append('file', f, f.name);
    return request('POST', 'documents', { body: fd, auth: true });
  },
  removeDocument: (id) => request('DELETE', `documents/${seg(id)}`, { auth: true }),
  query: (query, limit) => request('POST', 'query', {
    body: JSON.stringify({ query, limit }),
    headers: { 'Content-Type': 'application/json' },
  }),
  exportUrl: (params) => url('export', params),
};
