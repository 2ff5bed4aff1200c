// Choices that come from the commune: its plans (this year and last) and its agencies.
import {h} from './dom.js';
import {api, gather} from './api.js';

/** A year's plans, newest first: every page of GET /plans (a commune has a handful a year; 200 a page). */
export async function plansOf(year) {
  return (await gather('/plans', {year, limit: 200}, 'plans', Infinity, 20)).items;
}

export async function plans() {
  const year = Number(new Date().toLocaleDateString('sv-SE', {timeZone: 'Asia/Ho_Chi_Minh'}).slice(0, 4));
  const lists = await Promise.all([year, year - 1].map((y) => plansOf(y).catch(() => [])));
  return lists.flat();
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
