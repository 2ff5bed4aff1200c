// Choices that come from the commune: its plans (this year and last) and its agencies.
import {h} from './dom.js';
import {api} from './api.js';

export async function plans() {
  const year = Number(new Date().toLocaleDateString('sv-SE', {timeZone: 'Asia/Ho_Chi_Minh'}).slice(0, 4));
  const lists = await Promise.all([year, year - 1].map((y) => api('GET', '/plans?year=' + y).catch(() => ({plans: []}))));
  return lists.flatMap((l) => l.plans || []);
}

export async function agencies(user) {
  if (!user.commune) return [];
  const commune = await api('GET', '/communes/' + encodeURIComponent(user.commune)).catch(() => null);
  return (commune && commune.agencies) || [];
}

/** Appends <option>s to a select, selecting the one equal to selected. */
export function addOptions(select, entries, selected) {
  for (const [value, label] of entries) {
    select.appendChild(h('option', {value, selected: value === selected}, label));
  }
  if (selected !== undefined && selected !== null) select.value = selected;
}

export function planTitle(p) {
  return [p.number || p.content?.number, p.title || p.content?.title].filter(Boolean).join(' — ') || p.id;
}
