// Ý kiến chi tiết: the record, its whole audit trail, and every action the API allows this user now.
import {h, fill, byId} from './dom.js';
import {api, query, gather} from './api.js';
import {layout, has, pageError, ready} from './layout.js';
import {STATUS, FIELD, CHANNEL, ROLE, REFUSAL, ACTION, countdown, date, dateTime, dayDate, person, excerpt}
  from './text.js';
import {filtersOf, detailUrl} from './filters.js';
import {plans, agencies, addOptions, planTitle} from './options.js';
import {onSubmit, announce} from './forms.js';

const id = new URLSearchParams(location.search).get('id');
const filters = filtersOf();
let user;
let planList = [];
let agencyList = [];
let opinion;

const row = (label, ...value) => h('div', {}, h('dt', {}, label), h('dd', {}, ...value));
let fieldSeq = 0;

/** A labelled control: label, optional hint, the control itself (id, name and data-field set here). */
function control(label, name, make, hint) {
  const cid = 'f' + ++fieldSeq + '-' + name;
  const hintId = hint ? cid + '-goi-y' : null;
  const el = make();
  el.id = cid;
  el.name = name;
  el.dataset.field = name;
  if (hintId) el.setAttribute('aria-describedby', hintId);
  return h('div', {class: 'group'}, h('label', {for: cid}, label), hint ? h('span', {class: 'hint', id: hintId}, hint) : null, el);
}

const textarea = (rows = 4) => () => h('textarea', {rows});
const text = () => h('input', {type: 'text'});
const dateInput = () => h('input', {type: 'date'});
function select(entries, first) {
  return () => {
    const s = h('select', {}, first ? h('option', {value: ''}, first) : null);
    addOptions(s, entries);
    return s;
  };
}

function radios(legend, name, entries) {
  return h('fieldset', {class: 'group'}, h('legend', {}, legend),
      entries.map(([value, label], i) => {
        const rid = `f${++fieldSeq}-${name}-${i}`;
        return h('div', {class: 'choice'}, h('input', {type: 'radio', id: rid, name, value, 'data-field': i === 0 ? name : null}),
            h('label', {for: rid}, label));
      }));
}

/** One action: a disclosure holding a form; on success the page shows the new state and says what happened. */
function action(title, path, fields, build, submitLabel = title, cls, preview) {
  const confirmation = h('div', {role: 'status'});
  const submit = h('button', {type: 'submit', class: cls || null}, submitLabel);
  const form = h('form', {novalidate: true}, fields, confirmation, submit);
  let previewed = null;
  form.addEventListener('input', () => {
    previewed = null; // a change asks for a new preview
    fill(confirmation);
    fill(submit, submitLabel);
  });
  onSubmit(form, async (v) => {
    const body = {...build(v), version: opinion.version};
    if (preview && previewed !== JSON.stringify(body)) {
      const shown = await api('POST', `/opinions/${encodeURIComponent(opinion.id)}/${path}`, {...body, preview: true});
      fill(confirmation, preview(shown));
      fill(submit, 'Xác nhận: ' + submitLabel);
      previewed = JSON.stringify(body);
      requestAnimationFrame(() => submit.focus()); // once re-enabled: Enter again confirms
      return;
    }
    try {
      const next = await api('POST', `/opinions/${encodeURIComponent(opinion.id)}/${path}`, body);
      await show(next.id === opinion.id ? next.id : opinion.id);
      announce(byId('thong-bao'), h('div', {class: 'notice notice-ok'}, h('p', {}, `Đã thực hiện: ${title}.`)));
      byId('thong-bao').focus();
    } catch (e) {
      if (e.status === 409) {
        await show(opinion.id);
        announce(byId('thong-bao'), h('div', {class: 'notice notice-error', role: 'alert'},
            h('h2', {}, 'Ý kiến vừa được thay đổi'),
            h('p', {}, e.code === 'version_conflict'
                ? 'Người khác đã thay đổi ý kiến này trong lúc đồng chí thao tác. Trang đã hiển thị trạng thái mới; hãy xem lại trước khi thực hiện tiếp.'
                : e.message)));
        byId('thong-bao').focus();
        return;
      }
      throw e;
    }
  });
  return h('details', {}, h('summary', {}, title), form);
}

function mergeAction() {
  const list = h('div', {'aria-live': 'polite'});
  const searchId = 'gop-tim';
  const load = async (q) => {
    // a search is filtered after the server's read: its pages are gathered until 10 are found
    const page = q ? await gather('/opinions', {plan: '*', q, limit: 10}, 'opinions', 10)
      : {items: (await api('GET', '/opinions' + query({plan: '*', similarTo: opinion.id, limit: 8}))).opinions};
    const options = page.items.filter((o) => o.id !== opinion.id && ['received', 'accepted', 'assigned'].includes(o.status));
    fill(list, options.length
        ? radios(q ? 'Kết quả tìm' : 'Ý kiến tương tự (cùng kế hoạch trước)', 'into',
            options.map((o) => [o.id, `${o.trackingCode}: ${excerpt(o.content, 100)} (${STATUS[o.status]})`]))
        : h('p', {class: 'muted'}, 'Không tìm thấy ý kiến phù hợp để gộp.'));
  };
  const search = h('div', {class: 'group'}, h('label', {for: searchId}, 'Tìm ý kiến đích'),
      h('span', {class: 'hint', id: searchId + '-goi-y'}, 'Theo mã, nội dung hoặc người nêu; để trống để xem các ý kiến tương tự.'),
      h('input', {type: 'search', id: searchId, 'aria-describedby': searchId + '-goi-y', onkeydown: (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          load(e.target.value.trim());
        }
      }}),
      h('button', {type: 'button', class: 'secondary', onclick: () => load(byId(searchId).value.trim())}, 'Tìm'));
  const details = action('Gộp ý kiến trùng nội dung', 'merge', [
    h('p', {}, 'Ý kiến này sẽ được gộp vào ý kiến đích; người nêu của cả hai được theo dõi chung một hồ sơ.'),
    search, list], (v) => ({into: v.into}), 'Gộp vào ý kiến đã chọn');
  details.addEventListener('toggle', () => {
    if (details.open && !list.firstChild) load('');
  });
  return details;
}

function actions(o) {
  const staff = has(user, 'office', 'host');
  const own = has(user, 'agency') && o.assignment && o.assignment.agencyId === user.agency;
  const out = [];
  if (staff && o.status === 'received') {
    out.push(action('Đưa vào đối thoại', 'triage', [
      control('Kế hoạch', 'plan', select(planList.map((p) => [p.id, planTitle(p)]), 'Giữ như hiện tại')),
      control('Lĩnh vực', 'field', select(Object.entries(FIELD), 'Giữ như hiện tại')),
    ], (v) => ({decision: 'accept', plan: v.plan, field: v.field})));
    out.push(action('Hướng dẫn khiếu nại / tố cáo', 'triage', [
      radios('Nội dung này là', 'kind', [['complaint', 'Khiếu nại'], ['denunciation', 'Tố cáo']]),
      control('Hướng dẫn gửi công dân', 'guidance', textarea(), 'Để trống để dùng lời hướng dẫn theo mẫu.'),
    ], (v) => ({decision: 'redirect', kind: v.kind, guidance: v.guidance})));
    out.push(action('Chuyển cơ quan cấp trên', 'triage', [
      control('Cơ quan cấp trên nhận', 'body', text, 'Ví dụ: Sở Tài nguyên và Môi trường tỉnh Lạng Sơn'),
      control('Ghi chú nội bộ', 'note', textarea(3)),
    ], (v) => ({decision: 'forward', body: v.body, note: v.note})));
    out.push(action('Không tiếp nhận', 'triage', [
      control('Lý do', 'reason', select(Object.entries(REFUSAL), 'Chọn lý do')),
      control('Giải thích thêm', 'note', textarea(3)),
    ], (v) => ({decision: 'refuse', reason: v.reason, note: v.note}), 'Không tiếp nhận', 'warning'));
  }
  if (staff && ['received', 'accepted', 'assigned'].includes(o.status)) out.push(mergeAction());
  if (staff && o.status === 'accepted') {
    out.push(action('Giao cơ quan giải quyết', 'assign', [
      control('Cơ quan giải quyết', 'agency', select(agencyList.map((a) => [a.id, a.name]), 'Chọn cơ quan')),
      control('Hạn trả lời (nếu muốn sớm hơn hạn theo quy định)', 'due', dateInput,
          'Để trống: hạn được tính theo ngày làm việc từ bộ quy tắc của kế hoạch.'),
    ], (v) => ({agency: v.agency, due: v.due}), 'Giao cơ quan giải quyết', null, (shown) => h('div', {class: 'notice'},
        h('p', {}, `Giao ${shown.assignment.agencyName}, hạn trả lời ${dayDate(shown.assignment.due)}; `,
            `gia hạn được đến ${dayDate(shown.assignment.cap)}.`),
        h('p', {}, 'Kiểm tra rồi bấm “Xác nhận” để giao.'))));
  }
  if ((staff || own) && ['accepted', 'assigned'].includes(o.status)) {
    out.push(action('Trả lời', 'answer', [
      control('Nội dung trả lời', 'text', textarea(6)),
      radios('Hình thức trả lời', 'mode', [['written', 'Bằng văn bản'], ['at-meeting', 'Tại hội nghị']]),
      control('Tên tài liệu kèm theo', 'evidenceName', text, 'Không bắt buộc.'),
      control('Đường dẫn tài liệu', 'evidenceUrl', () => h('input', {type: 'url'}), 'Bắt đầu bằng https://'),
    ], (v) => ({text: v.text, mode: v.mode || 'written',
      evidence: v.evidenceName || v.evidenceUrl ? [{name: v.evidenceName, url: v.evidenceUrl}] : []})));
  }
  if ((staff || own) && o.status === 'assigned') {
    out.push(action('Gia hạn', 'extend', [
      control('Hạn mới', 'until', dateInput, `Chậm nhất ${dayDate(o.assignment.cap)} theo quy định.`),
      control('Lý do gia hạn (bằng văn bản)', 'reason', textarea(3)),
    ], (v) => ({until: v.until, reason: v.reason})));
  }
  if (staff && o.status === 'answered') {
    out.push(action('Kết thúc', 'close', [control('Ghi chú', 'note', textarea(3))], (v) => ({note: v.note})));
  }
  return out;
}

function raisers(o) {
  if (o.compiledBy) return [o.compiledBy, ` (${o.raiserCount} người)`];
  return h('ul', {class: 'work-list'}, o.raisers.map((r) => h('li', {}, person(r.name),
      [r.village, r.address].filter(Boolean).length ? ` — ${[r.address, r.village].filter(Boolean).join(', ')}` : '',
      r.phone ? [h('br', {}), 'Điện thoại: ', r.phone] : null,
      r.email ? [h('br', {}), 'Email: ', r.email] : null)));
}

/** An audit entry's detail as people read it: channel and plan names, dates as dd/mm/yyyy. */
function detailText(a) {
  if (a.action === 'opinion.received') return CHANNEL[a.detail] || a.detail;
  const plan = planList.find((p) => p.id === a.detail);
  if (plan) return planTitle(plan);
  return a.detail.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
}

function timeline(o) {
  return h('ol', {class: 'timeline'}, o.audit.map((a) => h('li', {},
      h('time', {datetime: a.at}, dateTime(a.at)),
      h('strong', {}, ACTION[a.action] || a.action),
      a.detail ? [' — ', detailText(a)] : null,
      a.reason ? h('div', {}, 'Lý do: ', a.reason) : null,
      h('div', {class: 'muted'}, ROLE[a.actorRole] || (a.actorRole === 'system' || !a.actorRole ? 'Hệ thống' : a.actorRole)))));
}

function render(o) {
  opinion = o;
  document.title = `Ý kiến ${o.trackingCode} · Đối thoại`;
  const plan = planList.find((p) => p.id === o.planId);
  const a = o.assignment;
  const due = a && (a.extendedTo || a.due);
  const list = h('dl', {class: 'summary-list'},
      row('Trạng thái', h('span', {class: 'tag'}, STATUS[o.status] || o.statusText)),
      row('Lĩnh vực', FIELD[o.field] || o.fieldText),
      row('Kênh tiếp nhận', CHANNEL[o.channel] || o.channel),
      row('Ngày tiếp nhận', dateTime(o.receivedAt)),
      row('Kế hoạch', plan ? planTitle(plan) : o.planId || 'Chưa gắn kế hoạch'),
      row('Người nêu', raisers(o)),
      a ? row('Cơ quan giải quyết', a.agencyName) : null,
      due ? row('Hạn trả lời', dayDate(due), o.workingDaysLeft !== null && o.workingDaysLeft !== undefined
          ? [' — ', h('span', {class: 'tag ' + (o.workingDaysLeft < 0 ? 'tag-late' : 'tag-soon')}, countdown(o.workingDaysLeft))] : null,
          a.extendedTo ? h('div', {class: 'muted'}, `Đã gia hạn từ ${date(a.due)}: ${a.extensionReason || ''}`) : null) : null,
      o.mergedInto ? row('Đã gộp vào', h('a', {href: detailUrl(o.mergedInto, filters)}, 'ý kiến đích')) : null);
  const acts = actions(o);
  fill(byId('y-kien'),
      h('h1', {}, `Ý kiến ${o.trackingCode}`),
      h('div', {class: 'layout-detail'},
          h('div', {},
              list,
              h('h2', {}, 'Nội dung'),
              h('p', {class: 'content'}, o.content),
              o.decision ? [h('h2', {}, 'Quyết định'), h('p', {class: 'content'}, o.decision.text)] : null,
              o.answer ? [h('h2', {}, 'Trả lời'), h('p', {class: 'content'}, o.answer.text),
                h('p', {class: 'muted'}, `${o.answer.mode === 'at-meeting' ? 'Trả lời tại hội nghị' : 'Trả lời bằng văn bản'}, ${dateTime(o.answer.answeredAt)}`),
                o.answer.evidence.length ? h('ul', {}, o.answer.evidence.map((e) => h('li', {}, h('a', {href: e.url}, e.name)))) : null] : null,
              h('h2', {}, 'Diễn biến'),
              timeline(o)),
          h('aside', {class: 'actions', 'aria-labelledby': 'thao-tac'},
              h('h2', {id: 'thao-tac'}, 'Thao tác'),
              acts.length ? acts : h('p', {class: 'muted'}, 'Không có thao tác nào đồng chí được thực hiện với ý kiến ở trạng thái này.'))));
}

/** “Ý kiến trước / sau” among the opinions the list showed with the same filters (no list read again). */
function neighbours() {
  const nav = byId('lan-can');
  let shown = null;
  try {
    shown = JSON.parse(sessionStorage.getItem('danh-sach') || 'null');
  } catch {
    shown = null;
  }
  const at = shown && shown.filters === query(filters) ? shown.ids.indexOf(id) : -1;
  if (at < 0) {
    fill(nav, h('a', {href: '/y-kien.html' + query(filters)}, '‹ Về danh sách'));
    return;
  }
  const previous = at > 0 ? shown.ids[at - 1] : null;
  const next = at + 1 < shown.ids.length ? shown.ids[at + 1] : null;
  const of = shown.total !== null && shown.total !== undefined ? shown.total : shown.ids.length;
  fill(nav,
      previous ? h('a', {href: detailUrl(previous, filters), rel: 'prev'}, '‹ Ý kiến trước') : h('span', {}),
      h('a', {href: '/y-kien.html' + query(filters)}, `Về danh sách (ý kiến ${at + 1}/${of})`),
      next ? h('a', {href: detailUrl(next, filters), rel: 'next'}, 'Ý kiến sau ›') : h('span', {}));
}

async function show(which) {
  render(await api('GET', '/opinions/' + encodeURIComponent(which)));
}

async function main() {
  user = await layout();
  if (!id) throw new Error('Thiếu mã ý kiến trong đường dẫn.');
  [planList, agencyList] = await Promise.all([plans(), agencies(user)]);
  await show(id);
  neighbours();
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
