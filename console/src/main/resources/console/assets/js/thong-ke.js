// Thống kê: a year's or one plan's statistics as the API counts them: charts with the same numbers as tables,
// the answers on time, late and overdue, the overdue list, and the plan's exports (CSV, XLSX).
import {h, fill, byId} from './dom.js';
import {api} from './api.js';
import {layout, pageError, ready} from './layout.js';
import {date} from './text.js';
import {planTitle, plansOf} from './options.js';
import {barChart} from './chart.js';

const enc = encodeURIComponent;
const thisYear = Number(new Date().toLocaleDateString('sv-SE', {timeZone: 'Asia/Ho_Chi_Minh'}).slice(0, 4));
const pct = (p) => p === null || p === undefined ? '—' : `${Number(p).toLocaleString('vi-VN', {maximumFractionDigits: 1})} %`;

function breakdown(title, column, id, counts) {
  const shown = counts.filter((c) => c.opinions > 0);
  return h('section', {'aria-labelledby': id, class: 'stat'},
      h('h2', {id}, title),
      shown.length ? [
        h('figure', {class: 'chart-box'}, barChart(`${title}: số ý kiến`, shown.map((c) => ({label: c.text, value: c.opinions})))),
        h('table', {},
            h('caption', {class: 'visually-hidden'}, title),
            h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, column), h('th', {scope: 'col'}, 'Số ý kiến'),
                h('th', {scope: 'col'}, 'Số người nêu'), h('th', {scope: 'col'}, 'Tỷ lệ'))),
            h('tbody', {}, shown.map((c) => h('tr', {}, h('th', {scope: 'row'}, c.text), h('td', {}, String(c.opinions)),
                h('td', {}, String(c.raisers)), h('td', {}, pct(c.percent))))))]
        : h('p', {class: 'muted'}, 'Chưa có ý kiến.'));
}

async function main() {
  await layout();
  const q = new URLSearchParams(location.search);
  const asked = Number(q.get('year'));
  const year = asked >= 2020 && asked <= 2100 ? asked : thisYear;
  const planId = q.get('plan') || '';
  const years = byId('nam');
  for (let y = thisYear + 1; y >= thisYear - 3; y--) years.appendChild(h('option', {value: y, selected: y === year}, `Năm ${y}`));
  if (year > thisYear + 1 || year < thisYear - 3) years.appendChild(h('option', {value: year, selected: true}, `Năm ${year}`));
  const plans = await plansOf(year);
  for (const p of plans) byId('ke-hoach').appendChild(h('option', {value: p.id, selected: p.id === planId}, planTitle(p)));
  const s = await api('GET', planId ? `/plans/${enc(planId)}/statistics` : `/statistics/${year}`);
  const a = s.answers;
  const scope = planId ? planTitle(plans.find((p) => p.id === planId) || {id: planId}) : `năm ${year}`;
  const answers = [['Giao cơ quan giải quyết', a.assigned], ['Trả lời đúng hạn', a.onTime], ['Trả lời trễ hạn', a.late],
    ['Quá hạn chưa trả lời', a.overdueUnanswered], ['Đang giải quyết', a.inProgress]];
  fill(byId('ket-qua'),
      h('p', {class: 'lead', id: 'tong-quan'}, `Số liệu ${scope} đến ngày ${date(s.today)}: ${s.opinions} ý kiến của ${s.raisers} người nêu; `,
          a.onTimeRate === null || a.onTimeRate === undefined ? 'chưa có ý kiến được trả lời để tính tỷ lệ đúng hạn.'
            : `tỷ lệ trả lời đúng hạn ${pct(a.onTimeRate)}.`),
      planId ? h('section', {'aria-labelledby': 'xuat'}, h('h2', {id: 'xuat'}, 'Xuất dữ liệu'),
          h('ul', {class: 'work-list'}, [['opinions', 'Danh sách ý kiến'], ['assignments', 'Danh sách giao giải quyết']].map(([t, label]) =>
            h('li', {}, label, ': ', h('a', {href: `/api/plans/${enc(planId)}/exports/${t}?format=xlsx`, download: ''}, `${label} (Excel, XLSX)`),
                ' · ', h('a', {href: `/api/plans/${enc(planId)}/exports/${t}?format=csv`, download: ''}, `${label} (CSV)`))))) : null,
      h('section', {'aria-labelledby': 'tra-loi', class: 'stat'}, h('h2', {id: 'tra-loi'}, 'Kết quả trả lời của cơ quan'),
          h('figure', {class: 'chart-box'}, barChart('Kết quả trả lời của cơ quan', answers.map(([label, value]) => ({label, value})))),
          h('table', {id: 'bang-tra-loi'}, h('caption', {class: 'visually-hidden'}, 'Kết quả trả lời của cơ quan'),
              h('tbody', {}, answers.map(([label, value]) => h('tr', {}, h('th', {scope: 'row'}, label), h('td', {}, String(value))))))),
      breakdown('Theo lĩnh vực', 'Lĩnh vực', 'linh-vuc', s.byField),
      breakdown('Theo kênh tiếp nhận', 'Kênh tiếp nhận', 'kenh', s.byChannel),
      breakdown('Theo kết quả xử lý', 'Kết quả xử lý', 'ket-qua-xu-ly', s.byOutcome),
      h('section', {'aria-labelledby': 'qua-han'}, h('h2', {id: 'qua-han'}, `Ý kiến quá hạn chưa trả lời (${s.overdue.length})`),
          s.overdue.length ? h('table', {class: 'responsive'}, h('caption', {class: 'visually-hidden'}, 'Ý kiến quá hạn'),
              h('thead', {}, h('tr', {}, ['Mã', 'Nội dung', 'Cơ quan', 'Hạn'].map((c) => h('th', {scope: 'col'}, c)))),
              h('tbody', {}, s.overdue.map((o) => h('tr', {},
                  h('td', {'data-label': 'Mã'}, h('a', {href: '/y-kien/chi-tiet.html?id=' + enc(o.opinionId)}, o.trackingCode)),
                  h('td', {'data-label': 'Nội dung'}, o.content), h('td', {'data-label': 'Cơ quan'}, o.agency),
                  h('td', {'data-label': 'Hạn'}, date(o.due))))))
            : h('p', {class: 'muted'}, 'Không có ý kiến quá hạn.')));
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
