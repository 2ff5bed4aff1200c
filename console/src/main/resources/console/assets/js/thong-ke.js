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

// An export link: a plain download without JavaScript; with it, a large export (202, made in the background)
// shows "Đang tạo tệp…" and then a link to the file, asking gently (1 s, then up to every 5 s) for 3 minutes.
const POLL_FOR_MS = 3 * 60 * 1000;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function exportLink(href, label) {
  const a = h('a', {href, download: ''}, label);
  a.addEventListener('click', (event) => {
    event.preventDefault();
    exportFile(a, label);
  });
  return a;
}

async function exportFile(a, label) {
  const status = a.parentElement.querySelector('.export-status');
  const say = (...nodes) => fill(status, ' — ', ...nodes);
  say('Đang chuẩn bị tệp…');
  let response;
  try {
    response = await fetch(a.href, {credentials: 'same-origin', cache: 'no-store'});
  } catch {
    say('Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
    return;
  }
  if (response.status === 200) {
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '');
    const url = URL.createObjectURL(await response.blob());
    const save = h('a', {href: url, download: name ? name[1] : ''});
    document.body.appendChild(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    fill(status);
    return;
  }
  let job = null;
  try {
    job = await response.json();
  } catch {
    job = null;
  }
  if (response.status !== 202 || !job || !job.job) {
    say((job && job.error && job.error.message) || 'Không tạo được tệp. Vui lòng thử lại sau.');
    return;
  }
  say(`Đang tạo tệp ${label} (${job.rows} dòng)… Tệp lớn được tạo riêng, đồng chí có thể ở lại trang này.`);
  const until = Date.now() + POLL_FOR_MS;
  for (let delay = 1000; Date.now() < until; delay = Math.min(5000, delay + 1000)) {
    await wait(delay);
    let now;
    try {
      now = await api('GET', `/exports/${enc(job.job)}`);
    } catch (e) {
      say(e.message);
      return;
    }
    if (now.status === 'ready') {
      say(h('a', {href: now.url, class: 'export-ready'}, `Tải tệp ${now.fileName}`),
          ` (liên kết có hiệu lực ${now.validMinutes} phút; quá hạn, bấm lại “${label}”).`);
      return;
    }
    if (now.status === 'failed') {
      say(now.message || 'Không tạo được tệp. Vui lòng thử lại sau.');
      return;
    }
  }
  say('Tệp vẫn chưa tạo xong sau 3 phút. Vui lòng bấm lại sau ít phút; nếu vẫn không được, báo quản trị hệ thống.');
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
            h('li', {}, label, ': ', exportLink(`/api/plans/${enc(planId)}/exports/${t}?format=xlsx`, `${label} (Excel, XLSX)`),
                ' · ', exportLink(`/api/plans/${enc(planId)}/exports/${t}?format=csv`, `${label} (CSV)`),
                h('span', {class: 'export-status', role: 'status'}))))) : null,
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
