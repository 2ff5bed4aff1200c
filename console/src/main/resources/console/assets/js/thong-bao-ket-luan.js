// Thông báo kết luận: the draft from the meeting, its editable parts, the preview in the official layout, the
// host's Duyệt (saying what will happen), Ban hành with the number it receives, a correction as a new
// edition, the Word file. Personal data the API flags must be hidden or cleared before Ban hành.
import {h, fill, byId} from './dom.js';
import {api} from './api.js';
import {layout, has, pageError, ready} from './layout.js';
import {dayDate, date, dateTime} from './text.js';
import {onSubmit, announce} from './forms.js';
import {control, textarea, text, dateInput} from './controls.js';
import {PARTS, conclusionTitle, inSentence} from './ke-hoach-text.js';

const id = new URLSearchParams(location.search).get('id');
const enc = encodeURIComponent;
let user;
let notice;

const row = (label, ...value) => h('div', {}, h('dt', {}, label), h('dd', {}, ...value));

function said(...content) {
  announce(byId('thong-bao'), h('div', {class: 'notice notice-ok'}, ...content));
  byId('thong-bao').focus();
}

function items(c) {
  return Object.entries(PARTS).map(([part, label]) => {
    const list = c[part] || [];
    if (!list.length) return null;
    return h('section', {'aria-labelledby': 'phan-' + part},
        h('h3', {id: 'phan-' + part}, `${label} (${list.length})`),
        h('ol', {class: 'items'}, list.map((i) => h('li', {},
            h('p', {class: 'item-text'}, i.text),
            h('p', {class: 'muted'}, [i.trackingCode ? `Mã ${i.trackingCode}` : null,
              i.agency ? `Cơ quan: ${i.agency}` : null,
              i.due ? `Hạn: ${dayDate(i.due)}` : null].filter(Boolean).join(' · '))))));
  });
}

/** The flags of personal data still open, each with its two resolutions (the API decides what is a flag). */
function personalData(c) {
  const flags = c.personalData || [];
  if (!flags.length || c.status === 'published') return null;
  const manager = has(user, 'office', 'host');
  return h('section', {class: 'notice notice-error', 'aria-labelledby': 'ttcn'},
      h('h2', {id: 'ttcn'}, `Thông tin cá nhân cần xử lý trước khi ban hành (${flags.length})`),
      h('ul', {class: 'work-list'}, flags.map((f) => {
        const resolve = (notPersonal) => async (event) => {
          event.target.disabled = true;
          try {
            const next = await api('POST', `/conclusions/${enc(c.id)}/redactions`,
                notPersonal ? {phrase: f.text, notPersonal: true, version: c.version} : {phrase: f.text, version: c.version});
            render(next);
            said(h('p', {}, notPersonal ? `Đã xác nhận “${f.text}” không phải thông tin cá nhân.` : `Đã ẩn “${f.text}” trong thông báo.`));
          } catch (e) {
            event.target.disabled = false;
            announce(byId('thong-bao'), h('div', {class: 'notice notice-error', role: 'alert'}, h('p', {}, e.message)));
          }
        };
        return h('li', {}, `${PARTS[f.part] || f.part}, mục ${f.item}${f.trackingCode ? ' (' + f.trackingCode + ')' : ''}: `,
            `${f.kindText} “`, h('strong', {}, f.text), '”',
            manager ? h('div', {},
                h('button', {type: 'button', class: 'secondary', onclick: resolve(false)}, 'Ẩn cụm từ này',
                    h('span', {class: 'visually-hidden'}, ` “${f.text}”`)),
                h('button', {type: 'button', class: 'secondary', onclick: resolve(true)}, 'Không phải thông tin cá nhân',
                    h('span', {class: 'visually-hidden'}, ` “${f.text}”`))) : null);
      })));
}

let rowSeq = 0;

/**
 * One matter of the draft as a row: the part it belongs to (or dropped), its text, and for an assignment the
 * agency and due date, for a forward the upper body, for a redirect the guidance. The opinion it answers and
 * who raised it are the draft's (the API keeps them); a row added here is a matter the chair raised.
 */
function itemRow(part, i) {
  const n = ++rowSeq;
  const id = (name) => `m${n}-${name}`;
  const choice = h('select', {id: id('phan')},
      Object.entries(PARTS).map(([value, label]) => h('option', {value, selected: value === part}, label)),
      h('option', {value: ''}, 'Bỏ khỏi thông báo'));
  const body = h('textarea', {id: id('noi-dung'), rows: 3});
  body.value = i.text || '';
  const agency = h('input', {type: 'text', id: id('co-quan'), value: i.agency || ''});
  const due = h('input', {type: 'date', id: id('han'), value: i.due || ''});
  const agencyLabel = h('label', {for: agency.id});
  const agencyGroup = h('div', {class: 'group'}, agencyLabel, agency);
  const dueHint = i.opinionId ? h('span', {class: 'hint', id: id('han-goi-y')},
      'Hạn trả lời của ý kiến đã giao có thể được tính lại theo quy định khi ban hành thông báo.') : null;
  if (dueHint) due.setAttribute('aria-describedby', dueHint.id);
  const dueGroup = h('div', {class: 'group'}, h('label', {for: due.id}, 'Hạn giải quyết'), dueHint, due);
  const shown = () => {
    const p = choice.value;
    agencyGroup.hidden = !['assigned', 'forwarded', 'redirected'].includes(p);
    dueGroup.hidden = p !== 'assigned';
    agencyLabel.textContent = p === 'forwarded' ? 'Cơ quan cấp trên nhận' : p === 'redirected'
      ? 'Hướng dẫn (cơ quan có thẩm quyền)' : 'Cơ quan được giao giải quyết';
  };
  choice.addEventListener('change', shown);
  shown();
  const legend = i.trackingCode ? `Ý kiến ${i.trackingCode}` : i.opinionId ? 'Ý kiến' : 'Nội dung do chủ trì kết luận';
  const row = h('fieldset', {class: 'item-row', 'data-opinion': i.opinionId || ''},
      h('legend', {}, legend, i.raisedBy ? h('span', {class: 'muted'}, ` — ${i.raisedBy}`) : null),
      h('div', {class: 'group'}, h('label', {for: choice.id}, 'Thuộc phần'), choice),
      h('div', {class: 'group'}, h('label', {for: body.id}, 'Nội dung'), body),
      agencyGroup, dueGroup);
  row.read = () => ({part: choice.value, opinionId: row.dataset.opinion || undefined, text: body.value.trim(),
    agency: agencyGroup.hidden ? undefined : agency.value.trim(), due: dueGroup.hidden ? undefined : due.value,
    fields: {text: body, agency, due, opinionId: choice}});
  return row;
}

/** The rows grouped by the part chosen, in page order; each input named as the API will name its error. */
function itemParts(rows) {
  const parts = Object.fromEntries(Object.keys(PARTS).map((p) => [p, []]));
  for (const row of rows) {
    const r = row.read();
    const at = r.part ? `${r.part}[${parts[r.part].length}]` : null;
    for (const [name, input] of Object.entries(r.fields)) {
      if (at) input.dataset.field = `${at}.${name}`;
      else delete input.dataset.field;
    }
    if (!r.part) continue;
    parts[r.part].push({opinionId: r.opinionId, text: r.text, agency: r.agency, due: r.due});
  }
  return parts;
}

function editForm(c) {
  const rows = h('div', {id: 'cac-muc'}, Object.keys(PARTS).flatMap((part) => (c[part] || []).map((i) => itemRow(part, i))));
  const form = h('form', {novalidate: true, id: 'sua'},
      control('Trích yếu', 'title', text(c.title)),
      control('Nội dung đã trao đổi tại hội nghị', 'discussed', textarea(6, c.discussed)),
      h('h3', {}, 'Các nội dung kết luận'),
      h('p', {class: 'hint'}, 'Sửa nội dung, chuyển sang phần khác, giao cơ quan và hạn, hoặc bỏ một mục khỏi thông báo.'),
      rows,
      h('p', {}, h('button', {type: 'button', class: 'secondary', onclick: () => {
        const row = itemRow('resolved', {});
        rows.appendChild(row);
        row.querySelector('select').focus();
      }}, 'Thêm nội dung do chủ trì kết luận')),
      control('Phần kết', 'closing', textarea(3, c.closing)),
      control('Chức vụ người ký', 'signerPosition', text(c.signer.position)),
      control('Họ tên người ký', 'signerName', text(c.signer.name)),
      control('Nơi nhận', 'distribution', textarea(5, (c.distribution || []).join('\n')), 'Mỗi nơi nhận một dòng.'),
      h('button', {type: 'submit'}, 'Lưu dự thảo'));
  onSubmit(form, async (v) => {
    const next = await api('PUT', `/conclusions/${enc(c.id)}`, {title: v.title, discussed: v.discussed,
      ...itemParts([...rows.children]),
      closing: v.closing, signerPosition: v.signerPosition, signerName: v.signerName,
      distribution: (v.distribution || '').split('\n').map((s) => s.trim()).filter(Boolean), version: c.version});
    render(next);
    said(h('p', {}, 'Đã lưu dự thảo.'));
  });
  return h('details', {}, h('summary', {}, 'Sửa dự thảo'), form);
}

function approveForm(c) {
  const open = (c.personalData || []).length;
  if (open) {
    // the host approves the text as it will be published: a person's data is hidden or cleared first
    return h('section', {id: 'duyet', 'aria-labelledby': 'duyet-tieu-de'},
        h('h2', {id: 'duyet-tieu-de'}, 'Duyệt thông báo kết luận'),
        h('p', {class: 'field-error'}, `Còn ${open} cụm từ thông tin cá nhân chưa xử lý (xem phía trên): `
            + 'ẩn hoặc xác nhận không phải thông tin cá nhân, rồi duyệt.'));
  }
  const form = h('form', {novalidate: true, id: 'duyet'},
      h('h2', {}, 'Duyệt thông báo kết luận'),
      h('p', {}, 'Khi đồng chí bấm “Duyệt”:'),
      h('ul', {}, h('li', {}, 'nội dung thông báo được chốt đúng như bản đang xem, không sửa được nữa;'),
          h('li', {}, 'Văn phòng được phép ban hành: thông báo được cấp số, gửi đến các cơ quan được giao và những người đã nêu ý kiến;'),
          h('li', {}, 'chưa có gì được gửi đi cho đến khi ban hành.')),
      h('button', {type: 'submit'}, 'Duyệt'));
  onSubmit(form, async () => {
    const next = await api('POST', `/conclusions/${enc(c.id)}/approve`, {version: c.version});
    render(next);
    said(h('p', {}, 'Đã duyệt thông báo kết luận. Văn phòng có thể ban hành.'));
  });
  return form;
}

function publishForm(c) {
  const open = (c.personalData || []).length;
  const form = h('form', {novalidate: true, id: 'ban-hanh'},
      h('h2', {}, 'Ban hành'),
      h('p', {}, 'Ban hành sẽ cấp số văn bản, lưu bản không sửa được, gửi thư điện tử đến các cơ quan và người nêu ý kiến, và tính hạn trả lời của các cơ quan từ ngày ban hành.'),
      open ? h('p', {class: 'field-error'}, `Còn ${open} cụm từ thông tin cá nhân chưa xử lý (xem phía trên).`) : null,
      control('Ngày ban hành', 'date', dateInput(), 'Để trống: hôm nay.'),
      h('button', {type: 'submit'}, 'Ban hành'));
  onSubmit(form, async (v) => {
    const next = await api('POST', `/conclusions/${enc(c.id)}/publish`, {date: v.date, version: c.version});
    render(next);
    said(h('p', {}, `Đã ban hành thông báo kết luận ${inSentence(next.number)}, ngày ${date(next.issuedOn)}.`));
  });
  return form;
}

function correctForm(c) {
  const form = h('form', {novalidate: true, id: 'dinh-chinh'},
      h('p', {}, 'Thông báo đã ban hành không sửa được. Đính chính tạo một dự thảo mới (lần ban hành tiếp theo) thay thế thông báo này sau khi được duyệt và ban hành.'),
      h('button', {type: 'submit', class: 'secondary'}, 'Đính chính (tạo lần ban hành mới)'));
  onSubmit(form, async () => {
    const next = await api('POST', `/conclusions/${enc(c.id)}/correct`, {});
    location.assign('/ke-hoach/thong-bao-ket-luan.html?id=' + enc(next.id));
  });
  return form;
}

function render(c) {
  notice = c;
  const manager = has(user, 'office', 'host');
  const title = conclusionTitle(c);
  document.title = `${title} · Đối thoại`;
  fill(byId('ve-ke-hoach'), h('a', {href: '/ke-hoach/chi-tiet.html?id=' + enc(c.planId)}, '‹ Về kế hoạch'));
  const doc = `/api/conclusions/${enc(c.id)}/document`;
  fill(byId('ket-luan'),
      h('h1', {}, title),
      h('dl', {class: 'summary-list'},
          row('Trạng thái', h('span', {class: 'tag', id: 'trang-thai'}, c.statusText)),
          c.number ? row('Số', h('strong', {id: 'so-van-ban'}, c.number)) : null,
          c.issuedOn ? row('Ngày ban hành', dayDate(c.issuedOn)) : null,
          c.edition > 1 ? row('Lần ban hành', `Lần ${c.edition} (đính chính)`) : null,
          row('Trích yếu', c.title)),
      h('p', {class: 'doc-links'},
          h('a', {class: 'button secondary', href: doc, target: '_blank', rel: 'noopener'}, 'Xem bản trình bày chính thức',
              h('span', {class: 'visually-hidden'}, ' (mở trong thẻ mới)')),
          h('a', {class: 'button secondary', href: doc + '?format=docx', download: ''}, 'Tải về bản Word')),
      personalData(c),
      c.status === 'draft' && has(user, 'host') ? approveForm(c) : null,
      c.status === 'approved' && manager ? publishForm(c) : null,
      c.status === 'published' && manager ? correctForm(c) : null,
      c.status === 'draft' && manager ? editForm(c) : null,
      h('h2', {}, 'Nội dung'),
      c.discussed ? h('p', {class: 'content'}, c.discussed) : null,
      items(c),
      c.closing ? h('p', {class: 'content'}, c.closing) : null,
      h('h2', {}, 'Diễn biến'),
      h('ol', {class: 'timeline'}, (c.audit || []).map((a) => h('li', {},
          h('time', {datetime: a.at}, dateTime(a.at)), h('strong', {}, AUDIT[a.action] || a.action),
          a.detail && a.action !== 'conclusion.drafted' ? ' — ' + a.detail : ''))));
}

const AUDIT = {
  'conclusion.drafted': 'Dự thảo',
  'conclusion.edited': 'Sửa dự thảo',
  'conclusion.approved': 'Duyệt',
  'conclusion.published': 'Ban hành',
  'conclusion.correction-drafted': 'Dự thảo đính chính',
  'conclusion.redacted': 'Ẩn thông tin cá nhân',
  'conclusion.flag-cleared': 'Xác nhận không phải thông tin cá nhân',
};

async function main() {
  user = await layout();
  if (!id) throw new Error('Thiếu mã thông báo kết luận trong đường dẫn.');
  render(await api('GET', '/conclusions/' + enc(id)));
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
