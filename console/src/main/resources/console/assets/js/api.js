// The staff API, called at /api on the console's own origin with the session cookie. Changes send JSON and
// the x-dt-csrf header, without which a cookie-authenticated change is refused.

export class ApiError extends Error {
  constructor(status, code, message, fields) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields || [];
  }
}

/** The sign-in page, with the page to come back to. */
export function signInUrl(next = location.pathname + location.search) {
  return '/dang-nhap.html?next=' + encodeURIComponent(next);
}

export async function api(method, path, body) {
  const headers = {accept: 'application/json'};
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers['x-dt-csrf'] = '1';
  }
  let response;
  try {
    response = await fetch('/api' + path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (response.status === 204) return null;
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (response.ok) return json;
  if (response.status === 401 && path !== '/session') {
    location.assign(signInUrl());
    throw new ApiError(401, 'signed_out', 'Phiên làm việc đã hết hạn.');
  }
  const e = (json && json.error) || {};
  const fallback = {
    403: 'Tài khoản của đồng chí không có quyền thực hiện việc này.',
    404: 'Không tìm thấy dữ liệu yêu cầu.',
    409: 'Dữ liệu đã thay đổi.',
  }[response.status] || 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.';
  throw new ApiError(response.status, e.code || 'http_' + response.status, e.message || fallback, e.fields);
}

/** A query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/**
 * Pages of a paged list (`{<key>: [...], next}`) from the first, following `next` until `want` items are
 * gathered or the list ends — a filter the server applies after its read (a search) may give short pages —
 * and at most `pages` requests. Returns the items, the cursor to go on from (null at the end) and the first
 * page's `total` (null when the server cannot count).
 */
export async function gather(path, params, key, want, pages = 10) {
  let cursor = params.cursor;
  const items = [];
  let total = null;
  for (let i = 0; i < pages; i++) {
    const page = await api('GET', path + query({...params, cursor}));
    if (i === 0) total = page.total === undefined ? null : page.total;
    items.push(...(page[key] || []));
    cursor = page.next || null;
    if (!cursor || items.length >= want) break;
  }
  return {items, next: cursor, total};
}
