// Lịch: one month with the commune's days off and make-up working days (GET /calendar/{year}), the meetings of
// its plans (each with its .ics file) and the deadlines falling due, as a month grid and as a list by day.
import {h, fill, byId} from './dom.js';
import {api} from './api.js';
import {layout, pageError, ready} from './layout.js';
import {dayDate} from './text.js';
import {DEADLINE_TAG} from './ke-hoach-text.js';
import {plansOf} from './options.js';

const enc = encodeURIComponent;
const pad = (n) => String(n).padStart(2, '0');
const WEEK = [['T2', 'Thứ Hai'], ['T3', 'Thứ Ba'], ['T4', 'Thứ Tư'], ['T5', 'Thứ Năm'], ['T6', 'Thứ Sáu'], ['T7', 'Thứ Bảy'], ['CN', 'Chủ Nhật']];

function monthOf(search) {
  const m = /^(\d{4})-(\d{2})$/.exec(new URLSearchParams(search).get('month') || '');
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return [Number(m[1]), Number(m[2])];
  const today = new Date().toLocaleDateString('sv-SE', {timeZone: 'Asia/Ho_Chi_Minh'});
  return [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
}

async function main() {
  await layout();
  const [year, month] = monthOf(location.search);
  const prefix = `${year}-${pad(month)}-`;
  byId('tieu-de').textContent = `Lịch tháng ${pad(month)}/${year}`;
  document.title = `Lịch tháng ${pad(month)}/${year} · Đối thoại`;
  const prev = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  const next = month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`;
  fill(byId('chuyen-thang'),
      h('a', {href: '/lich.html?month=' + prev, rel: 'prev'}, `‹ Tháng ${prev.slice(5)}/${prev.slice(0, 4)}`),
      h('a', {href: '/lich.html?month=' + next, rel: 'next'}, `Tháng ${next.slice(5)}/${next.slice(0, 4)} ›`));

  const [calendar, list] = await Promise.all([api('GET', '/calendar/' + year), plansOf(year)]);
  const open = list.filter((p) => p.status !== 'cancelled');
  const plans = await Promise.all(open.map((p) => api('GET', '/plans/' + enc(p.id))));
  const events = new Map(); // date → [{type, node}]
  const add = (d, type, short, node) => {
    if (!d || !d.startsWith(prefix)) return;
    if (!events.has(d)) events.set(d, []);
    events.get(d).push({type, short, node});
  };
  for (const d of calendar.days) {
    add(d.date, d.dayOff ? 'off' : 'work', d.dayOff ? 'Nghỉ' : 'Làm bù',
        h('span', {}, h('strong', {}, d.dayOff ? 'Ngày nghỉ' : 'Ngày làm việc'), ` (${d.kindText}): ${d.label}`));
  }
  for (const p of plans) {
    const planLink = h('a', {href: '/ke-hoach/chi-tiet.html?id=' + enc(p.id)}, p.number || p.title);
    for (const m of p.meetings) {
      add(m.date, 'meeting', 'Hội nghị', h('span', {}, h('strong', {}, 'Hội nghị đối thoại'), ` ${m.venue || ''} — `, planLink.cloneNode(true), ' · ',
          h('a', {href: `/api/plans/${enc(p.id)}/meetings/${enc(m.id)}/calendar`, download: ''}, 'Tải lịch (.ics)')));
    }
    for (const s of p.schedule || []) {
      for (const d of s.deadlines) {
        add(d.due, 'deadline', 'Hạn', h('span', {}, h('strong', {}, 'Hạn: '), d.title, ' ',
            h('span', {class: 'tag ' + (DEADLINE_TAG[d.state] || '')}, d.stateText), ' — ', planLink.cloneNode(true)));
      }
    }
  }

  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  const cells = [];
  for (let i = 0; i < lead; i++) cells.push(h('td', {class: 'empty'}));
  for (let d = 1; d <= days; d++) {
    const iso = prefix + pad(d);
    const ev = events.get(iso) || [];
    const counts = {};
    ev.forEach((e) => (counts[e.short] = (counts[e.short] || 0) + 1));
    cells.push(h('td', {class: ['day', ...new Set(ev.map((e) => 'has-' + e.type))].join(' ')},
        h('span', {class: 'day-number'}, String(d)),
        Object.entries(counts).map(([k, n]) => h('span', {class: 'marker'}, n > 1 ? `${k} (${n})` : k))));
  }
  while (cells.length % 7) cells.push(h('td', {class: 'empty'}));
  const rows = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(h('tr', {}, cells.slice(i, i + 7)));
  const dates = [...events.keys()].sort();
  fill(byId('lich'),
      h('table', {class: 'month', id: 'thang'},
          h('caption', {}, `Tháng ${pad(month)}/${year}`, h('span', {class: 'muted'}, ` — lịch làm việc phiên bản ${calendar.calendarVersion}`)),
          h('thead', {}, h('tr', {}, WEEK.map(([s, full]) => h('th', {scope: 'col'}, h('abbr', {title: full}, s))))),
          h('tbody', {}, rows)),
      h('h2', {}, 'Trong tháng'),
      dates.length ? h('ol', {class: 'month-list', id: 'trong-thang'}, dates.map((d) => h('li', {},
          h('h3', {}, dayDate(d)), h('ul', {class: 'work-list'}, events.get(d).map((e) => h('li', {class: 'ev-' + e.type}, e.node))))))
        : h('p', {class: 'muted'}, 'Tháng này không có hội nghị, thời hạn hay ngày nghỉ, làm bù nào.'));
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
