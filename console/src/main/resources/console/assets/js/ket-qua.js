// Theo dõi kết quả on the plan page: the results report as of today (counts, overdue and carried items), its
// preview in the official layout, sending it (the number it receives), the reports sent; carrying over the
// previous dialogue's open items. The Front reads all of it (its supervision); only the office and host act.
import {h} from './dom.js';
import {api} from './api.js';
import {has} from './layout.js';
import {date, excerpt} from './text.js';
import {onSubmit} from './forms.js';
import {control, dateInput, select} from './controls.js';
import {COUNTS, TIMELINESS, inSentence} from './ke-hoach-text.js';
import {planTitle, plansOf} from './options.js';

const enc = encodeURIComponent;

function lineTable(caption, lines, id) {
  return h('table', {class: 'responsive', id},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ['Mã', 'Nội dung', 'Cơ quan', 'Hạn', 'Kết quả'].map((c) => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, lines.map((l) => h('tr', {},
          h('td', {'data-label': 'Mã'}, h('a', {href: '/y-kien/chi-tiet.html?id=' + enc(l.opinionId)}, l.trackingCode)),
          h('td', {'data-label': 'Nội dung'}, excerpt(l.content, 120)),
          h('td', {'data-label': 'Cơ quan'}, l.agency || '—'),
          h('td', {'data-label': 'Hạn'}, l.due ? date(l.due) : '—'),
          h('td', {'data-label': 'Kết quả'}, l.timeliness ? TIMELINESS[l.timeliness] || l.timeliness : l.status,
              l.answeredOn ? ` (${date(l.answeredOn)})` : '')))));
}

/** The report as of today and the reports sent (fetched alongside the plan on first load). */
export function reportsOf(planId) {
  return Promise.all([
    api('GET', `/plans/${enc(planId)}/report`).catch(() => null),
    api('GET', `/plans/${enc(planId)}/reports`).catch(() => ({reports: []})),
  ]);
}

/**
 * The follow-up section's children; onChange(plan) is called after a carry-over changed the plan. fetched: the
 * promise of reportsOf(plan.id) when already started.
 */
export async function followUp(user, plan, onChange, said, fetched) {
  if (!has(user, 'office', 'host', 'front', 'admin')) return [];
  const manager = has(user, 'office', 'host');
  const out = [];
  const [report, sent] = await (fetched || reportsOf(plan.id));
  if (report) {
    out.push(h('table', {id: 'so-lieu-ket-qua'},
        h('caption', {}, `Kết quả giải quyết đến ngày ${date(report.asOf)}`),
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Nội dung'), h('th', {scope: 'col'}, 'Số ý kiến'))),
        h('tbody', {}, COUNTS.map(([k, label]) => h('tr', {}, h('th', {scope: 'row'}, label), h('td', {}, String(report.counts[k] ?? 0)))))));
    const overdue = report.lines.concat(report.carried).filter((l) => l.timeliness === 'overdue');
    if (overdue.length) out.push(lineTable(`Ý kiến quá hạn chưa trả lời (${overdue.length})`, overdue, 'qua-han'));
    if (report.carried.length) out.push(lineTable(`Chuyển tiếp từ kế hoạch trước (${report.carried.length})`, report.carried, 'chuyen-tiep'));
  }
  const base = `/api/plans/${enc(plan.id)}/documents/report`;
  out.push(h('p', {class: 'doc-links'},
      h('a', {class: 'button secondary', href: base, target: '_blank', rel: 'noopener'}, 'Xem báo cáo kết quả',
          h('span', {class: 'visually-hidden'}, ' (mở trong thẻ mới)')),
      h('a', {class: 'button secondary', href: base + '?format=docx', download: ''}, 'Tải báo cáo kết quả (Word)')));
  const reports = sent.reports || [];
  out.push(reports.length ? h('ul', {class: 'work-list', id: 'bao-cao-da-gui'}, reports.map((r) => h('li', {},
      `Báo cáo kết quả ${inSentence(r.number)}, số liệu đến ngày ${date(r.asOf)}`)))
    : h('p', {class: 'muted', id: 'bao-cao-da-gui'}, 'Chưa gửi báo cáo kết quả.'));
  if (manager && ['concluded', 'closed'].includes(plan.status)) {
    const form = h('form', {novalidate: true, id: 'gui-bao-cao'},
        h('p', {}, 'Gửi báo cáo sẽ cấp số, lưu bản không sửa được và gửi thư điện tử đến người chủ trì và Ủy ban MTTQ xã (Văn phòng nhận bản sao).'),
        control('Ngày báo cáo', 'date', dateInput(), 'Để trống: hôm nay.'),
        h('button', {type: 'submit'}, 'Gửi báo cáo kết quả'));
    onSubmit(form, async (v) => {
      const r = await api('POST', `/plans/${enc(plan.id)}/report`, {date: v.date});
      const next = await api('GET', '/plans/' + enc(plan.id));
      await onChange(next);
      said(`Đã gửi báo cáo kết quả ${inSentence(r.number)}.`);
    });
    out.push(h('details', {}, h('summary', {}, 'Gửi báo cáo kết quả'), form));
  }
  if (manager && ['draft', 'announced'].includes(plan.status)) {
    const year = plan.year;
    const lists = await Promise.all([year, year - 1].map((y) => plansOf(y).then((plans) => ({plans})).catch(() => ({plans: []}))));
    const earlier = lists.flatMap((l) => l.plans || []).filter((p) => p.id !== plan.id && p.status !== 'cancelled');
    if (earlier.length) {
      const form = h('form', {novalidate: true, id: 'chuyen-tiep-form'},
          h('p', {}, 'Nhận các ý kiến chưa giải quyết xong của kỳ đối thoại trước để báo cáo tại hội nghị này.'),
          control('Kế hoạch kỳ trước', 'from', select(earlier.map((p) => [p.id, planTitle(p)]), 'Chọn kế hoạch')),
          h('button', {type: 'submit'}, 'Chuyển tiếp từ kế hoạch trước'));
      onSubmit(form, async (v) => {
        const next = await api('POST', `/plans/${enc(plan.id)}/carry-over`, {from: v.from, version: plan.version});
        await onChange(next.schedule ? next : await api('GET', '/plans/' + enc(plan.id)));
        said(`Đã chuyển tiếp ${next.carriedOver.length} ý kiến từ kế hoạch trước.`);
      });
      out.push(h('details', {}, h('summary', {}, 'Chuyển tiếp từ kế hoạch trước'), form));
    }
  }
  if (plan.carriedOver && plan.carriedOver.length && !report) {
    out.push(h('p', {}, `Đã nhận ${plan.carriedOver.length} ý kiến chuyển tiếp từ kế hoạch trước.`));
  }
  return out;
}
