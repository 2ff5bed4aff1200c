// Lập / sửa kế hoạch: the plan's content as a form (a draft only); the API validates, and its 400 fields are
// shown beside each field and in the error summary. Parts the form does not show (tasks, delegate, the rule
// profile) are sent back unchanged.
import {h, fill, byId} from './dom.js';
import {api} from './api.js';
import {layout, pageError, ready} from './layout.js';
import {onSubmit} from './forms.js';
import {control, textarea, text, dateInput, numberInput} from './controls.js';

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
      h('span', {class: 'hint'}, 'Ngày có thể để trống nếu chưa định; để trống cả dòng nếu không dùng.'),
      Array.from({length: Math.max(MEETING_ROWS, meetings.length)}, (_, i) => {
        const m = meetings[i] || {};
        const d = h('input', {type: 'date', id: `ph-m${i}-date`, value: m.date || '', 'data-field': `meetings[${i}].date`});
        const v = h('input', {type: 'text', id: `ph-m${i}-venue`, value: m.venue || '', 'data-field': `meetings[${i}].venue`});
        return h('div', {class: 'meeting-row', 'data-id': m.id || ''},
            h('div', {class: 'group'}, h('label', {for: d.id}, `Ngày đối thoại ${i + 1}`), d),
            h('div', {class: 'group'}, h('label', {for: v.id}, `Địa điểm ${i + 1}`), v));
      }));
}

async function main() {
  await layout();
  const plan = id ? await api('GET', '/plans/' + enc(id)) : null;
  if (plan && plan.status !== 'draft') throw new Error('Chỉ sửa được kế hoạch ở trạng thái bản nháp.');
  const p = plan || {year: new Date().getFullYear(), hosts: [], meetings: [], villages: [], participants: [],
    distribution: [], legalBasis: []};
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
      control('Đối tượng đối thoại', 'audience', text(p.audience || ''), 'Ví dụ: Nhân dân thôn Nà Pàn.'),
      control('Thôn, tổ dân phố', 'villages', textarea(2, p.villages.join('\n')), 'Mỗi thôn một dòng.'),
      control('Hình thức', 'form', text(p.form || '')),
      control('Thời gian', 'period', text(p.period || ''), 'Ví dụ: Quý IV năm 2025.'),
      meetingRows(p.meetings),
      control('Thành phần tham dự', 'participants', textarea(3, p.participants.join('\n')), 'Mỗi thành phần một dòng.'),
      control('Căn cứ', 'legalBasis', textarea(3, p.legalBasis.join('\n')), 'Mỗi văn bản một dòng.'),
      control('Nơi nhận', 'distribution', textarea(3, p.distribution.join('\n')), 'Mỗi nơi nhận một dòng.'),
      h('button', {type: 'submit'}, plan ? 'Lưu kế hoạch' : 'Lập kế hoạch'));
  onSubmit(form, async (v) => {
    const meetings = [...form.querySelectorAll('.meeting-row')].map((row) => ({
      id: row.dataset.id || undefined, date: row.querySelector('input[type=date]').value || undefined,
      venue: row.querySelector('input[type=text]').value.trim()})).filter((m) => m.date || m.venue);
    const body = {
      ...(plan ? {tasks: plan.tasks, delegate: plan.delegate || undefined, replaces: plan.replaces || undefined,
        profile: plan.profile, reading: plan.reading, version: plan.version} : {}),
      year: /^\d+$/.test(v.year || '') ? Number(v.year) : v.year, issuer: v.issuer, number: v.number, title: v.title,
      hosts: v.hostPosition || v.hostName ? [{position: v.hostPosition, name: v.hostName}] : [],
      audience: v.audience, villages: lines(v.villages), form: v.form, period: v.period, meetings,
      participants: lines(v.participants), legalBasis: lines(v.legalBasis), distribution: lines(v.distribution),
    };
    const saved = plan ? await api('PUT', '/plans/' + enc(plan.id), body) : await api('POST', '/plans', body);
    location.assign('/ke-hoach/chi-tiet.html?id=' + enc(saved.id) + (plan ? '&da-luu=1' : '&da-lap=1'));
  });
  form.querySelector('[name=hostPosition]').dataset.field = 'hosts'; // also hosts[0].position
  fill(byId('ke-hoach-form'), form);
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
