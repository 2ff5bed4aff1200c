// Lập / sửa kế hoạch: every part of the plan's content as a form (a draft only): hosts and delegate, audience,
// meetings, participants, the units' tasks with their due dates, distribution, legal basis, the plan it replaces,
// the rule profile (the list the API gives) and how "N ngày trước" is read, the body. The API validates; its 400
// fields are shown beside each field (rows of tasks by their index) and in the error summary.
import {h, fill, byId} from './dom.js';
import {api} from './api.js';
import {layout, pageError, ready} from './layout.js';
import {onSubmit} from './forms.js';
import {control, textarea, text, dateInput, numberInput, select} from './controls.js';

const id = new URLSearchParams(location.search).get('id');
const enc = encodeURIComponent;
const lines = (s) => (s || '').split('\n').map((x) => x.trim()).filter(Boolean);
const MEETING_ROWS = 3;

function issuerChoice(selected) {
  return h('fieldset', {class: 'group'}, h('legend', {}, 'Cơ quan ban hành'),
      [['party-committee', 'Đảng ủy xã'], ['peoples-committee', 'Ủy ban nhân dân xã']].map(([value, label], i) =>
        h('div', {class: 'choice'}, h('input', {type: 'radio', id: 'ph-issuer-' + i, name: 'issuer', value,
          checked: value === selected, 'data-field': i === 0 ? 'issuer' : null}), h('label', {for: 'ph-issuer-' + i}, label))));
}

function meetingRows(meetings) {
  return h('fieldset', {class: 'group'}, h('legend', {}, 'Các cuộc đối thoại'),
      h('span', {class: 'hint'}, 'Nhập ngày nếu đã định; nếu kế hoạch chỉ ghi một khoảng thời gian (ví dụ "từ 15/11 đến '
          + '30/11"), nhập khoảng đó và ấn định ngày sau. Để trống cả dòng nếu không dùng.'),
      Array.from({length: Math.max(MEETING_ROWS, meetings.length)}, (_, i) => {
        const m = meetings[i] || {};
        const input = (part, type, value) => h('input', {type, id: `ph-m${i}-${part}`, value: value || '',
          'data-part': part, 'data-field': `meetings[${i}].${part}`});
        const d = input('date', 'date', m.date);
        const from = input('dateFrom', 'date', m.dateFrom);
        const to = input('dateTo', 'date', m.dateTo);
        const v = input('venue', 'text', m.venue);
        return h('div', {class: 'meeting-row', 'data-id': m.id || ''},
            h('div', {class: 'group'}, h('label', {for: d.id}, `Ngày đối thoại ${i + 1}`), d),
            h('div', {class: 'group'}, h('label', {for: from.id}, `Hoặc trong khoảng: từ ngày`), from),
            h('div', {class: 'group'}, h('label', {for: to.id}, `đến ngày`), to),
            h('div', {class: 'group'}, h('label', {for: v.id}, `Địa điểm ${i + 1}`), v));
      }));
}

const OWNERS = [['office', 'Văn phòng'], ['front', 'Ủy ban MTTQ'], ['host', 'Người chủ trì']];
const TASK_ROWS = 2;
let taskSeq = 0;

/** One unit task: unit, what to do, due date, who is reminded; its id kept, so its deadline keeps its history. */
function taskRow(t) {
  const n = ++taskSeq;
  const field = (el, name) => Object.assign(el, {id: `nv${n}-${name}`});
  const unit = field(h('input', {type: 'text', value: t.unit || ''}), 'unit');
  const description = field(h('textarea', {rows: 2}), 'description');
  description.value = t.description || '';
  const due = field(h('input', {type: 'date', value: t.due || ''}), 'due');
  const owner = field(select(OWNERS, null, t.owner || 'office')(), 'owner');
  const group = (label, el) => h('div', {class: 'group'}, h('label', {for: el.id}, label), el);
  const row = h('fieldset', {class: 'item-row task-row'}, h('legend', {}, `Nhiệm vụ ${n}`),
      group('Đơn vị thực hiện', unit), group('Nội dung nhiệm vụ', description), group('Hạn hoàn thành', due),
      group('Nhắc việc đến', owner));
  row.read = () => ({id: t.id, unit: unit.value.trim(), description: description.value.trim(), due: due.value || undefined,
    owner: owner.value, dueExclusive: t.dueExclusive, fields: {unit, description, due, owner}});
  return row;
}

/** The rows a person filled, in page order, each input named as the API names its error (tasks[1].due). */
function tasksOf(rows) {
  const out = [];
  for (const row of rows) {
    const r = row.read();
    const used = r.unit || r.description || r.due;
    for (const [name, input] of Object.entries(r.fields)) {
      if (used) input.dataset.field = `tasks[${out.length}].${name}`;
      else delete input.dataset.field;
    }
    if (used) out.push({id: r.id, unit: r.unit, description: r.description, due: r.due, owner: r.owner, dueExclusive: r.dueExclusive});
  }
  return out;
}

function readingChoice(selected) {
  return h('fieldset', {class: 'group'}, h('legend', {}, 'Cách tính “trước N ngày”'),
      [['strict', 'Đủ N ngày trọn giữa hai mốc (hạn chót là ngày thứ N+1 trước; cách an toàn)'],
        ['inclusive', 'Ngày thứ N trước, kể từ ngày hôm sau']].map(([value, label], i) =>
        h('div', {class: 'choice'}, h('input', {type: 'radio', id: 'ph-reading-' + i, name: 'reading', value,
          checked: value === (selected || 'strict'), 'data-field': i === 0 ? 'reading' : null}),
        h('label', {for: 'ph-reading-' + i}, label))));
}

async function main() {
  await layout();
  const plan = id ? await api('GET', '/plans/' + enc(id)) : null;
  if (plan && plan.status !== 'draft') throw new Error('Chỉ sửa được kế hoạch ở trạng thái bản nháp.');
  const p = plan || {year: new Date().getFullYear(), hosts: [], meetings: [], villages: [], participants: [],
    distribution: [], legalBasis: [], tasks: [], body: {}};
  const body = p.body || {};
  const {profiles = []} = await api('GET', '/plans?year=' + enc(p.year || new Date().getFullYear()));
  const tasks = h('div', {id: 'nhiem-vu'}, Array.from({length: Math.max(TASK_ROWS, p.tasks.length)},
      (_, i) => taskRow(p.tasks[i] || {})));
  if (plan) {
    byId('tieu-de').textContent = 'Sửa kế hoạch';
    document.title = 'Sửa kế hoạch · Đối thoại';
    fill(byId('ve-ke-hoach'), h('a', {href: '/ke-hoach/chi-tiet.html?id=' + enc(plan.id)}, '‹ Về kế hoạch'));
  }
  const host = p.hosts[0] || {};
  const form = h('form', {novalidate: true, id: 'ke-hoach-nhap'},
      control('Năm', 'year', numberInput(String(p.year || ''))),
      issuerChoice(p.issuer),
      control('Số, ký hiệu', 'number', text(p.number || ''), 'Ví dụ: 12-KH/ĐU hoặc 48/KH-UBND.'),
      control('Tên kế hoạch', 'title', textarea(2, p.title || '')),
      control('Chức vụ người chủ trì', 'hostPosition', text(host.position || ''), 'Ví dụ: Bí thư Đảng ủy xã.'),
      control('Họ tên người chủ trì', 'hostName', text(host.name || '')),
      control('Chức vụ người được ủy quyền chủ trì', 'delegatePosition', text((p.delegate || {}).position || ''),
          'Để trống nếu không ủy quyền. Ví dụ: Phó Chủ tịch UBND xã.'),
      control('Họ tên người được ủy quyền', 'delegateName', text((p.delegate || {}).name || '')),
      control('Đối tượng đối thoại', 'audience', text(p.audience || ''), 'Ví dụ: Nhân dân thôn Nà Pàn.'),
      control('Thôn, tổ dân phố', 'villages', textarea(2, p.villages.join('\n')), 'Mỗi thôn một dòng.'),
      control('Hình thức', 'form', text(p.form || '')),
      control('Thời gian', 'period', text(p.period || ''), 'Ví dụ: Quý IV năm 2025.'),
      meetingRows(p.meetings),
      control('Thành phần tham dự', 'participants', textarea(3, p.participants.join('\n')), 'Mỗi thành phần một dòng.'),
      h('fieldset', {class: 'group'}, h('legend', {}, 'Nhiệm vụ của các đơn vị'),
          h('span', {class: 'hint'}, 'Mỗi nhiệm vụ có hạn được nhắc như các thời hạn khác; để trống nhiệm vụ không dùng.'),
          tasks, h('button', {type: 'button', class: 'secondary', onclick: () => {
            const row = taskRow({});
            tasks.appendChild(row);
            row.querySelector('input').focus();
          }}, 'Thêm nhiệm vụ')),
      control('Căn cứ', 'legalBasis', textarea(3, p.legalBasis.join('\n')), 'Mỗi văn bản một dòng.'),
      control('Thay thế kế hoạch', 'replaces', text(p.replaces || ''), 'Để trống nếu không thay thế. Ví dụ: Kế hoạch số 10-KH/ĐU ngày 02/10/2025.'),
      control('Nơi nhận', 'distribution', textarea(3, p.distribution.join('\n')), 'Mỗi nơi nhận một dòng.'),
      control('Bộ quy tắc thời hạn', 'profile', select(profiles.map((r) => [r.id, r.name + (r.legacy ? ' (chỉ cho kế hoạch cũ)' : '')]),
          null, p.profile || (profiles[0] && profiles[0].id)), 'Bộ quy tắc của tỉnh đứng đầu danh sách.'),
      readingChoice(p.reading),
      control('Mục đích', 'purpose', textarea(3, (body.purpose || []).join('\n')), 'Mỗi đoạn một dòng.'),
      control('Yêu cầu', 'requirements', textarea(3, (body.requirements || []).join('\n')), 'Mỗi đoạn một dòng.'),
      control('Nội dung đối thoại', 'contents', textarea(4, (body.contents || []).join('\n')), 'Mỗi đoạn một dòng.'),
      control('Ngày ban hành kế hoạch', 'issuedOn', dateInput(body.issuedOn || '')),
      h('button', {type: 'submit'}, plan ? 'Lưu kế hoạch' : 'Lập kế hoạch'));
  onSubmit(form, async (v) => {
    const meetings = [...form.querySelectorAll('.meeting-row')].map((row) => {
      const part = (name) => row.querySelector(`[data-part=${name}]`).value.trim() || undefined;
      return {id: row.dataset.id || undefined, date: part('date'), dateFrom: part('dateFrom'), dateTo: part('dateTo'),
        venue: part('venue') || ''};
    }).filter((m) => m.date || m.dateFrom || m.dateTo || m.venue);
    const sent = {
      ...(plan ? {version: plan.version} : {}),
      year: /^\d+$/.test(v.year || '') ? Number(v.year) : v.year, issuer: v.issuer, number: v.number, title: v.title,
      hosts: v.hostPosition || v.hostName ? [{position: v.hostPosition, name: v.hostName}] : [],
      delegate: v.delegatePosition || v.delegateName ? {position: v.delegatePosition, name: v.delegateName} : undefined,
      audience: v.audience, villages: lines(v.villages), form: v.form, period: v.period, meetings,
      participants: lines(v.participants), tasks: tasksOf([...tasks.children]), legalBasis: lines(v.legalBasis),
      replaces: v.replaces, distribution: lines(v.distribution), profile: v.profile, reading: v.reading,
      purpose: lines(v.purpose), requirements: lines(v.requirements), contents: lines(v.contents), issuedOn: v.issuedOn,
    };
    const saved = plan ? await api('PUT', '/plans/' + enc(plan.id), sent) : await api('POST', '/plans', sent);
    location.assign('/ke-hoach/chi-tiet.html?id=' + enc(saved.id) + (plan ? '&da-luu=1' : '&da-lap=1'));
  });
  form.querySelector('[name=hostPosition]').dataset.field = 'hosts'; // also hosts[0].position
  form.querySelector('[name=delegatePosition]').dataset.field = 'delegate.position';
  form.querySelector('[name=delegateName]').dataset.field = 'delegate.name';
  fill(byId('ke-hoach-form'), form);
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
