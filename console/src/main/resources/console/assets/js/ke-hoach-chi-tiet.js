// Kế hoạch chi tiết: the plan, the deadline timeline of each meeting (rule, source, owner, due date,
// reminders, escalation steps, state as the API says), its lifecycle actions, documents and conclusion notices.
import {h, fill, byId} from './dom.js';
import {api} from './api.js';
import {layout, has, pageError, ready} from './layout.js';
import {dayDate, date, dateTime} from './text.js';
import {onSubmit, announce} from './forms.js';
import {control, textarea, text, dateInput, select} from './controls.js';
import {DEADLINE_TAG, DOCUMENTS, PLAN_STATUS_TAG, conclusionTitle} from './ke-hoach-text.js';
import {followUp, reportsOf} from './ket-qua.js';

const id = new URLSearchParams(location.search).get('id');
let user;
let plan;

const row = (label, ...value) => h('div', {}, h('dt', {}, label), h('dd', {}, ...value));
const enc = encodeURIComponent;

/** What was done; with the API's warnings (a day past, a day off, too late for the notice rule) beside it. */
function said(message, warnings) {
  announce(byId('thong-bao'), h('div', {}, h('div', {class: 'notice notice-ok'}, h('p', {}, message)),
      warnings && warnings.length ? h('div', {class: 'notice', id: 'canh-bao'}, h('p', {}, h('strong', {}, 'Lưu ý:')),
          h('ul', {}, warnings.map((w) => h('li', {}, w)))) : null));
  byId('thong-bao').focus();
}

function meetingLabel(m) {
  const when = m.date ? dayDate(m.date)
    : m.dateFrom ? `trong khoảng ${date(m.dateFrom)}${m.dateTo ? ' – ' + date(m.dateTo) : ''}, chưa định ngày`
      : 'chưa định ngày';
  return `${when}${m.venue ? ' — ' + m.venue : ''}`;
}

/**
 * One lifecycle action as a disclosure holding a form; success reloads the plan and says what was done.
 * {@code path} is a POST under the plan, or a function that sends the body and answers the plan.
 */
function action(title, path, fields, build, done, cls) {
  const send = typeof path === 'function' ? path
    : (body) => api('POST', `/plans/${enc(plan.id)}/${path}`, body);
  const form = h('form', {novalidate: true}, fields, h('button', {type: 'submit', class: cls || null}, title));
  onSubmit(form, async (v) => {
    const next = await send({...build(v), version: plan.version});
    await render(next);
    said(done(next), next.warnings);
  });
  return h('details', {}, h('summary', {}, title), form);
}

function actions(p) {
  if (!has(user, 'office', 'host')) return [];
  const out = [];
  const meetings = p.meetings.map((m) => [m.id, meetingLabel(m)]);
  if (p.status === 'draft') {
    out.push(h('p', {}, h('a', {href: '/ke-hoach/sua.html?id=' + enc(p.id)}, 'Sửa kế hoạch')));
    out.push(action('Công bố kế hoạch', 'announce', [
      h('p', {}, 'Khi công bố, các thời hạn của kế hoạch bắt đầu được theo dõi: nhắc việc trước hạn và báo cáo khi quá hạn.'),
    ], () => ({}), () => 'Đã công bố kế hoạch. Các thời hạn đã được theo dõi.'));
  }
  if (p.status === 'draft' || p.status === 'announced') {
    out.push(action('Dời lịch đối thoại', 'reschedule', [
      meetings.length > 1 ? control('Hội nghị', 'meetingId', select(meetings)) : null,
      control('Ngày đối thoại mới', 'date', dateInput()),
      control('Địa điểm mới', 'venue', text(), 'Để trống nếu giữ địa điểm cũ.'),
      control('Lý do dời lịch', 'reason', textarea(3)),
    ], (v) => ({meetingId: v.meetingId || (p.meetings[0] && p.meetings[0].id), date: v.date, venue: v.venue, reason: v.reason}),
    () => 'Đã dời lịch đối thoại. Các thời hạn đã được tính lại theo ngày mới.'));
    out.push(action('Hủy kế hoạch', 'cancel', [control('Lý do hủy', 'reason', textarea(3))],
        (v) => ({reason: v.reason}), () => 'Đã hủy kế hoạch. Các thời hạn chưa hoàn thành không còn được nhắc.', 'warning'));
  }
  if (p.status === 'draft' || p.status === 'announced') {
    for (const m of p.meetings.filter((x) => !x.date && !['held', 'concluded'].includes(x.state))) {
      const label = p.meetings.length > 1 ? ` (${meetingLabel(m)})` : '';
      const dated = (body) => api('PUT', `/plans/${enc(p.id)}/meetings/${enc(m.id)}`, body);
      out.push(action('Ấn định ngày đối thoại' + label, dated, [
        h('p', {}, 'Khi có ngày, các thời hạn của hội nghị được tính lại theo ngày này.'),
        control('Ngày đối thoại', 'date', dateInput()),
        control('Địa điểm', 'venue', text(m.venue || ''), 'Để trống nếu giữ địa điểm đã ghi.'),
      ], (v) => ({date: v.date, venue: v.venue || undefined}),
      (next) => `Đã ấn định ngày đối thoại ${dayDate(next.meetings.find((x) => x.id === m.id).date)}. `
        + 'Các thời hạn đã được tính lại.'));
    }
  }
  if (p.status === 'announced') {
    out.push(action('Ghi nhận đã tổ chức đối thoại', 'hold', [
      h('p', {}, 'Dùng khi hội nghị đã diễn ra nhưng chưa ghi biên bản; ghi biên bản cũng ghi nhận việc này.'),
    ], () => ({}), () => 'Đã ghi nhận kế hoạch đã tổ chức đối thoại.'));
  }
  if (['held', 'concluded', 'announced'].includes(p.status)) {
    for (const m of p.meetings) {
      out.push(h('p', {}, h('a', {href: `/ke-hoach/bien-ban.html?plan=${enc(p.id)}&meeting=${enc(m.id)}`},
          `Ghi biên bản hội nghị${p.meetings.length > 1 ? ' ' + meetingLabel(m) : ''}`)));
    }
  }
  return out;
}

/** "Ghi nhận đã hoàn thành" for an open or overdue deadline: the API stops its reminders and escalations. */
function markMet(meetingId, d) {
  const form = h('form', {novalidate: true, class: 'inline-form'},
      control('Ghi chú', 'note', text(), 'Không bắt buộc, ví dụ số văn bản đã gửi.'),
      h('button', {type: 'submit', class: 'secondary'}, 'Ghi nhận đã hoàn thành'));
  onSubmit(form, async (v) => {
    const next = await api('POST', `/plans/${enc(plan.id)}/deadlines/complete`,
        {meetingId, rule: d.rule, note: v.note, version: plan.version});
    await render(next);
    said(`Đã ghi nhận hoàn thành: ${d.title}.`);
  });
  return h('details', {class: 'mark-met'}, h('summary', {}, 'Ghi nhận đã hoàn thành'), form);
}

function deadlineItem(meetingId, d) {
  const canMark = has(user, 'office', 'host') && ['open', 'overdue'].includes(d.state)
      && ['announced', 'held', 'concluded'].includes(plan.status);
  return h('li', {class: 'deadline deadline-' + d.state, 'data-rule': d.rule},
      h('h4', {}, d.title, ' ', h('span', {class: 'tag ' + (DEADLINE_TAG[d.state] || '')}, d.stateText)),
      h('dl', {class: 'facts'},
          h('div', {}, h('dt', {}, 'Hạn'), h('dd', {}, d.due ? dayDate(d.due) : 'Chưa xác định (chờ mốc tính hạn)')),
          h('div', {}, h('dt', {}, 'Đơn vị thực hiện'), h('dd', {}, d.ownerText)),
          d.explanation ? h('div', {}, h('dt', {}, 'Cách tính'), h('dd', {}, d.explanation)) : null,
          d.source ? h('div', {}, h('dt', {}, 'Căn cứ'), h('dd', {}, d.source)) : null,
          d.reminders.length ? h('div', {}, h('dt', {}, 'Nhắc việc'), h('dd', {}, d.reminders.map(dateTime).join('; '))) : null,
          d.escalations.length ? h('div', {}, h('dt', {}, 'Báo cáo khi quá hạn'), h('dd', {}, h('ul', {class: 'work-list'},
              d.escalations.map((e) => h('li', {}, `${dateTime(e.at)}: báo ${e.toText.join(', ')}`,
                  e.ccText.length ? `; đồng gửi ${e.ccText.join(', ')}` : ''))))) : null,
          d.extensionLimit ? h('div', {}, h('dt', {}, 'Gia hạn tối đa đến'), h('dd', {}, dayDate(d.extensionLimit))) : null),
      canMark ? markMet(meetingId, d) : null);
}

function timelines(p) {
  return (p.schedule || []).map((s) => {
    const m = p.meetings.find((x) => x.id === s.meetingId) || {id: s.meetingId};
    const list = [...s.deadlines].sort((a, b) => (a.due || '9999') < (b.due || '9999') ? -1 : (a.due || '9999') > (b.due || '9999') ? 1 : 0);
    return h('section', {'aria-labelledby': 'moc-' + s.meetingId},
        h('h3', {id: 'moc-' + s.meetingId}, `Hội nghị ${meetingLabel(m)}`),
        s.warnings && s.warnings.length ? h('div', {class: 'notice'}, s.warnings.map((w) => h('p', {}, w))) : null,
        h('ol', {class: 'timeline deadlines'}, list.map((d) => deadlineItem(s.meetingId, d))));
  });
}

function documentRow(p, kind, label, m) {
  const base = `/api/plans/${enc(p.id)}/documents/${kind}${m ? '?meeting=' + enc(m.id) : ''}`;
  const name = m && p.meetings.length > 1 ? `${label} (${meetingLabel(m)})` : label;
  return h('tr', {},
      h('td', {'data-label': 'Văn bản'}, name),
      h('td', {'data-label': 'Xem'}, h('a', {href: base, target: '_blank', rel: 'noopener'}, `Xem ${label.toLowerCase()}`,
          h('span', {class: 'visually-hidden'}, ' (mở trong thẻ mới)'))),
      h('td', {'data-label': 'Tải về'}, h('a', {href: base + (m ? '&' : '?') + 'format=docx', download: ''},
          `Tải ${label.toLowerCase()} (Word)`)));
}

function documents(p) {
  const kinds = DOCUMENTS.filter(([k]) => k !== 'plan'
      && (!['minutes', 'report'].includes(k) || has(user, 'office', 'host', 'front', 'admin')));
  return h('table', {class: 'responsive'},
      h('caption', {class: 'visually-hidden'}, 'Văn bản của kế hoạch'),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Văn bản'), h('th', {scope: 'col'}, 'Xem'), h('th', {scope: 'col'}, 'Tải về'))),
      h('tbody', {}, documentRow(p, 'plan', DOCUMENTS[0][1], null),
          p.meetings.flatMap((m) => kinds.map(([kind, label]) => documentRow(p, kind, label, m)))));
}

function conclusions(p, list) {
  const manager = has(user, 'office', 'host');
  const out = [];
  out.push(list.length ? h('ul', {class: 'work-list', id: 'ds-ket-luan'}, list.map((c) => h('li', {},
      h('a', {href: '/ke-hoach/thong-bao-ket-luan.html?id=' + enc(c.id)},
          conclusionTitle(c)),
      ' ', h('span', {class: 'tag'}, c.statusText),
      c.issuedOn ? ` — ban hành ngày ${date(c.issuedOn)}` : '')))
    : h('p', {class: 'muted'}, 'Chưa có thông báo kết luận.'));
  if (manager && ['held', 'concluded'].includes(p.status)) {
    for (const m of p.meetings) {
      if (list.some((c) => c.meetingId === m.id)) continue;
      const form = h('form', {novalidate: true}, h('button', {type: 'submit'},
          `Dự thảo thông báo kết luận${p.meetings.length > 1 ? ' — ' + meetingLabel(m) : ''}`));
      onSubmit(form, async () => {
        const c = await api('POST', `/plans/${enc(p.id)}/meetings/${enc(m.id)}/conclusion`, {});
        location.assign('/ke-hoach/thong-bao-ket-luan.html?id=' + enc(c.id));
      });
      out.push(form);
    }
  }
  return out;
}

let conclusionList = [];

/** Shows the plan; resolves once its follow-up section (fetched separately) is filled too. */
function render(p, fetched) {
  plan = p;
  const follow = h('div', {id: 'theo-doi'}, h('p', {}, 'Đang tải…'));
  document.title = `${p.title} · Đối thoại`;
  const acts = actions(p);
  fill(byId('ke-hoach'),
      h('h1', {}, p.title),
      h('dl', {class: 'summary-list'},
          row('Số', p.number || '—'),
          row('Trạng thái', h('span', {class: 'tag ' + (PLAN_STATUS_TAG[p.status] || ''), id: 'trang-thai'}, p.statusText)),
          p.cancelReason ? row('Lý do hủy', p.cancelReason) : null,
          row('Đối tượng', p.audience || '—'),
          row('Hội nghị', h('ul', {class: 'work-list'}, p.meetings.map((m) => h('li', {}, meetingLabel(m))))),
          p.conclusionDate ? row('Ngày ban hành kết luận', dayDate(p.conclusionDate)) : null),
      h('div', {class: 'layout-detail'},
          h('div', {},
              h('h2', {}, 'Các mốc thời hạn'),
              timelines(p),
              h('h2', {}, 'Thông báo kết luận'),
              conclusions(p, conclusionList),
              h('h2', {}, 'Văn bản'),
              documents(p),
              has(user, 'office', 'host', 'front', 'admin') ? [h('h2', {}, 'Báo cáo kết quả'), follow] : null),
          h('aside', {class: 'actions', 'aria-labelledby': 'thao-tac'},
              h('h2', {id: 'thao-tac'}, 'Thao tác'),
              acts.length ? acts : h('p', {class: 'muted'}, 'Không có thao tác nào đồng chí được thực hiện với kế hoạch ở trạng thái này.'))));
  return followUp(user, p, render, said, fetched).then((children) => fill(follow, children));
}

async function main() {
  user = await layout();
  if (!id) throw new Error('Thiếu mã kế hoạch trong đường dẫn.');
  const reports = has(user, 'office', 'host', 'front', 'admin') ? reportsOf(id) : null;
  const [p, cs] = await Promise.all([api('GET', '/plans/' + enc(id)), api('GET', `/plans/${enc(id)}/conclusions`)]);
  conclusionList = cs.conclusions || [];
  await render(p, reports);
  const saved = new URLSearchParams(location.search);
  if (saved.has('da-lap') || saved.has('da-luu')) said(saved.has('da-lap') ? 'Đã lập kế hoạch (bản nháp).' : 'Đã lưu kế hoạch.');
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
