// Kế hoạch: the commune's dialogue plans of one year, each linking to its page (deadlines, documents, notice).
import {h, fill, byId} from './dom.js';
import {api} from './api.js';
import {layout, has, pageError, ready} from './layout.js';
import {date} from './text.js';
import {planTitle, plansOf} from './options.js';
import {PLAN_STATUS_TAG} from './ke-hoach-text.js';

const thisYear = Number(new Date().toLocaleDateString('sv-SE', {timeZone: 'Asia/Ho_Chi_Minh'}).slice(0, 4));

async function main() {
  const user = await layout();
  if (has(user, 'office', 'host')) {
    byId('chon-nam').after(h('p', {}, h('a', {class: 'button', href: '/ke-hoach/sua.html'}, 'Lập kế hoạch')));
  }
  const asked = Number(new URLSearchParams(location.search).get('year'));
  const year = asked >= 2020 && asked <= 2100 ? asked : thisYear;
  const select = byId('nam');
  for (let y = thisYear + 1; y >= thisYear - 3; y--) select.appendChild(h('option', {value: y, selected: y === year}, `Năm ${y}`));
  if (year > thisYear + 1 || year < thisYear - 3) select.appendChild(h('option', {value: year, selected: true}, `Năm ${year}`));
  const plans = await plansOf(year);
  fill(byId('ket-qua'),
      h('p', {id: 'so-ket-qua'}, `Năm ${year}: ${plans.length} kế hoạch`),
      plans.length ? h('table', {class: 'responsive'},
          h('caption', {class: 'visually-hidden'}, `Kế hoạch đối thoại năm ${year}`),
          h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Kế hoạch'), h('th', {scope: 'col'}, 'Trạng thái'),
              h('th', {scope: 'col'}, 'Ngày đối thoại'))),
          h('tbody', {}, plans.map((p) => h('tr', {},
              h('td', {'data-label': 'Kế hoạch'}, h('a', {href: '/ke-hoach/chi-tiet.html?id=' + encodeURIComponent(p.id)}, planTitle(p))),
              h('td', {'data-label': 'Trạng thái'}, h('span', {class: 'tag ' + (PLAN_STATUS_TAG[p.status] || '')}, p.statusText)),
              h('td', {'data-label': 'Ngày đối thoại'}, (p.meetings || []).map((d) => d ? date(d) : 'chưa định ngày').join('; ')))))) :
        h('p', {class: 'muted'}, 'Chưa có kế hoạch nào trong năm này.'));
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
