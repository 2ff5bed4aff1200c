// The filters of the opinions list, kept in the URL: the list, the detail page's neighbours and the bulk
// actions read the same parameters.
export const FILTERS = ['plan', 'status', 'field', 'channel', 'agency', 'overdue', 'q', 'dueWithin', 'sort'];

/** The filters of a query string ({plan: '*'} by default: every plan). */
export function filtersOf(search = location.search) {
  const p = new URLSearchParams(search);
  const f = {};
  for (const k of FILTERS) {
    if (p.has(k)) f[k] = p.get(k);
  }
  if (!('plan' in f)) f.plan = '*';
  if (f.overdue !== 'true') delete f.overdue;
  return f;
}

/** The detail page of an opinion, carrying the list's filters for its "previous" and "next". */
export function detailUrl(id, filters) {
  const p = new URLSearchParams({id});
  for (const [k, v] of Object.entries(filters || {})) {
    if (v !== undefined && v !== null && v !== '') p.set(k, v);
  }
  return '/y-kien/chi-tiet.html?' + p.toString();
}
