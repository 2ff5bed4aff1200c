// Biên bản hội nghị: attendance, chair and secretary, speakers, and which of the plan's opinions were raised and
// whether each was answered at the meeting (those get the chair's answer and their raisers are told).
import {h, fill, byId} from './dom.js';
import {api, gather} from './api.js';
import {layout, pageError, ready} from './layout.js';
import {dayDate, excerpt, STATUS} from './text.js';
import {onSubmit, announce} from './forms.js';
import {control, textarea, text, numberInput} from './controls.js';

const params = new URLSearchParams(location.search);
const planId = params.get('plan');
const meetingId = params.get('meeting') || 'm1';
const enc = encodeURIComponent;
const lines = (s) => (s || '').split('\n').map((x) => x.trim()).filter(Boolean);

let opinions = [];
let speakerSeq = 0;

function speakerRow() {
  const n = ++speakerSeq;
  const pick = h('select', {id: `sp-op-${n}`, class: 'sp-opinion'}, h('option', {value: ''}, 'Không gắn ý kiến'),
      opinions.map((o) => h('option', {value: o.id}, `${o.trackingCode}: ${excerpt(o.content, 60)}`)));
  return h('fieldset', {class: 'speaker'}, h('legend', {}, `Người phát biểu ${n}`),
      h('div', {class: 'group'}, h('label', {for: `sp-name-${n}`}, 'Họ và tên'), h('input', {type: 'text', id: `sp-name-${n}`, class: 'sp-name'})),
      h('div', {class: 'group'}, h('label', {for: `sp-role-${n}`}, 'Chức vụ, nơi ở'), h('input', {type: 'text', id: `sp-role-${n}`, class: 'sp-role'})),
      h('div', {class: 'group'}, h('label', {for: `sp-op-${n}`}, 'Ý kiến đã nêu'), pick));
}

function raisedTable() {
  if (!opinions.length) return h('p', {class: 'muted'}, 'Kế hoạch chưa có ý kiến nào để ghi nhận.');
  return h('table', {class: 'responsive raised'},
      h('caption', {}, 'Ý kiến được nêu tại hội nghị'),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Ý kiến'), h('th', {scope: 'col'}, 'Được nêu'),
          h('th', {scope: 'col'}, 'Trả lời tại hội nghị'))),
      h('tbody', {}, opinions.map((o) => {
        const raised = h('input', {type: 'checkbox', id: `nr-${o.id}`, class: 'r-raised', value: o.id});
        const answered = h('input', {type: 'checkbox', id: `tl-${o.id}`, class: 'r-answered'});
        const answer = h('textarea', {id: `nd-${o.id}`, rows: 3, class: 'r-answer'});
        return h('tr', {'data-opinion': o.id},
            h('td', {'data-label': 'Ý kiến'}, h('strong', {}, o.trackingCode), ' ', excerpt(o.content, 160),
                h('div', {class: 'muted'}, STATUS[o.status] || o.status)),
            h('td', {'data-label': 'Được nêu'}, h('div', {class: 'choice'}, raised,
                h('label', {for: raised.id}, 'Được nêu', h('span', {class: 'visually-hidden'}, ` (${o.trackingCode})`)))),
            h('td', {'data-label': 'Trả lời'},
                h('div', {class: 'choice'}, answered, h('label', {for: answered.id}, 'Đã trả lời tại hội nghị',
                    h('span', {class: 'visually-hidden'}, ` (${o.trackingCode})`))),
                h('div', {class: 'group'}, h('label', {for: answer.id}, 'Nội dung trả lời của chủ trì',
                    h('span', {class: 'visually-hidden'}, ` (${o.trackingCode})`)), answer)));
      })));
}

async function main() {
  await layout();
  if (!planId) throw new Error('Thiếu mã kế hoạch trong đường dẫn.');
  const [plan, list] = await Promise.all([api('GET', '/plans/' + enc(planId)),
    gather('/opinions', {plan: planId, limit: 200}, 'opinions', Infinity, 50)]);
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new Error('Không tìm thấy hội nghị này trong kế hoạch.');
  opinions = list.items.filter((o) => ['received', 'accepted', 'assigned', 'answered'].includes(o.status));
  fill(byId('ve-ke-hoach'), h('a', {href: '/ke-hoach/chi-tiet.html?id=' + enc(plan.id)}, '‹ Về kế hoạch'));
  fill(byId('hoi-nghi'), `${plan.title} — hội nghị ${meeting.date ? dayDate(meeting.date) : ''}${meeting.venue ? ', ' + meeting.venue : ''}`);
  const speakers = h('div', {id: 'nguoi-phat-bieu'}, speakerRow());
  const form = h('form', {novalidate: true, id: 'ghi-bien-ban'},
      h('h2', {}, 'Thành phần'),
      control('Số người dự', 'attendees', numberInput(), 'Chỉ nhập số.'),
      control('Cơ quan, tổ chức dự', 'organisations', textarea(3), 'Mỗi cơ quan một dòng.'),
      control('Thôn, tổ dân phố', 'villages', textarea(2, (meeting.villages || []).join('\n')), 'Mỗi thôn một dòng.'),
      control('Chủ trì (chủ tọa)', 'chair', text((plan.hosts && plan.hosts[0] && plan.hosts[0].name) || '')),
      control('Thư ký', 'secretary', text()),
      h('h2', {}, 'Người phát biểu'),
      speakers,
      h('button', {type: 'button', class: 'secondary', onclick: () => {
        const row = speakerRow();
        speakers.appendChild(row);
        row.querySelector('input').focus();
      }}, 'Thêm người phát biểu'),
      h('h2', {}, 'Ý kiến'),
      raisedTable(),
      control('Tóm tắt diễn biến', 'summary', textarea(5)),
      h('button', {type: 'submit'}, 'Lưu biên bản'));
  onSubmit(form, async (v) => {
    const speakerList = [...form.querySelectorAll('.speaker')].map((f) => ({
      name: f.querySelector('.sp-name').value.trim(), role: f.querySelector('.sp-role').value.trim(),
      opinion: f.querySelector('.sp-opinion').value || undefined, el: f.querySelector('.sp-name')}))
        .filter((s) => s.name || s.role || s.opinion);
    speakerList.forEach((s, i) => (s.el.dataset.field = `speakers[${i}].name`));
    const rows = [...form.querySelectorAll('tr[data-opinion]')].filter((r) => r.querySelector('.r-raised').checked);
    rows.forEach((r, i) => (r.querySelector('.r-answer').dataset.field = `raised[${i}].answer`));
    const record = await api('POST', `/plans/${enc(planId)}/meetings/${enc(meetingId)}/record`, {
      attendees: v.attendees === undefined ? undefined : (/^\d+$/.test(v.attendees) ? Number(v.attendees) : v.attendees),
      organisations: lines(v.organisations), villages: lines(v.villages), chair: v.chair, secretary: v.secretary,
      speakers: speakerList.map(({name, role, opinion}) => ({name, role, opinion})),
      raised: rows.map((r) => ({opinion: r.dataset.opinion, answeredAtMeeting: r.querySelector('.r-answered').checked,
        answer: r.querySelector('.r-answer').value.trim() || undefined})),
      summary: v.summary});
    const answered = record.raised.filter((r) => r.answeredAtMeeting).length;
    announce(byId('thong-bao'), h('div', {class: 'notice notice-ok'},
        h('p', {}, `Đã lưu biên bản: ${record.raised.length} ý kiến được nêu, ${answered} ý kiến đã trả lời tại hội nghị (người nêu được thông báo).`),
        h('p', {}, h('a', {href: '/ke-hoach/chi-tiet.html?id=' + enc(planId)}, 'Về kế hoạch để dự thảo thông báo kết luận'))));
    byId('thong-bao').focus();
  });
  fill(byId('bien-ban'), form);
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
