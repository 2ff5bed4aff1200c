// Nhập ý kiến: one opinion for a citizen, or a compiled list (a table the clerk fills or pastes from Excel).
import {h, fill, byId} from './dom.js';
import {api} from './api.js';
import {layout, pageError, ready} from './layout.js';
import {FIELD} from './text.js';
import {plans, addOptions, planTitle} from './options.js';
import {onSubmit, announce} from './forms.js';

const fieldEntries = Object.entries(FIELD);

function done(message, created) {
  announce(byId('thong-bao'), h('div', {class: 'notice notice-ok'}, h('p', {}, message),
      h('ul', {}, created.map((o) => h('li', {},
          h('a', {href: '/y-kien/chi-tiet.html?id=' + encodeURIComponent(o.id)}, o.trackingCode))))));
  byId('thong-bao').focus();
}

/** A field's code from what was typed or pasted: the code itself or its Vietnamese name, diacritics aside. */
function fieldCode(text) {
  const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().trim();
  const t = fold(text || '');
  if (!t) return '';
  const hit = fieldEntries.find(([code, label]) => code === t || fold(label) === t);
  return hit ? hit[0] : '';
}

let rows = 0;
function addRow(values = {}) {
  const i = rows++;
  const select = h('select', {id: `t-field-${i}`, 'data-field': `items[${i}].field`},
      h('option', {value: ''}, 'Lĩnh vực khác'));
  addOptions(select, fieldEntries.filter(([c]) => c !== 'other'), values.field || '');
  const content = h('textarea', {id: `t-content-${i}`, rows: 2, 'data-field': `items[${i}].content`,
    onpaste: i === 0 ? pasteTable : null}, values.content || '');
  const tr = h('tr', {},
      h('td', {}, String(i + 1)),
      h('td', {}, h('label', {for: content.id, class: 'visually-hidden'}, `Nội dung dòng ${i + 1}`), content),
      h('td', {}, h('label', {for: select.id, class: 'visually-hidden'}, `Lĩnh vực dòng ${i + 1}`), select),
      h('td', {}, h('label', {for: `t-count-${i}`, class: 'visually-hidden'}, `Số người dòng ${i + 1}`),
          h('input', {type: 'text', inputmode: 'numeric', id: `t-count-${i}`, 'data-field': `items[${i}].count`,
            value: values.count || '1', size: 5})));
  byId('dong').appendChild(tr);
  return tr;
}

/** Rows pasted from a spreadsheet (tab-separated cells) fill the table from the first row. */
function pasteTable(event) {
  const text = event.clipboardData && event.clipboardData.getData('text/plain');
  if (!text || !text.includes('\t')) return;
  event.preventDefault();
  const lines = text.replace(/\r/g, '').split('\n').filter((l) => l.trim());
  fill(byId('dong'));
  rows = 0;
  for (const line of lines) {
    const [content, field, count] = line.split('\t');
    addRow({content: (content || '').trim(), field: fieldCode(field), count: (count || '1').trim()});
  }
  announce(byId('thong-bao'), h('div', {class: 'notice'}, h('p', {}, `Đã dán ${lines.length} dòng từ bảng tính.`)));
}

function items() {
  const out = [];
  for (let i = 0; i < rows; i++) {
    const content = byId(`t-content-${i}`).value.trim();
    if (!content) continue;
    out.push({content, field: byId(`t-field-${i}`).value || 'other', count: byId(`t-count-${i}`).value.trim()});
  }
  return out;
}

async function main() {
  await layout();
  const planList = await plans();
  for (const id of ['n-plan', 't-plan']) addOptions(byId(id), planList.map((p) => [p.id, planTitle(p)]), '');
  addOptions(byId('n-field'), fieldEntries, 'other');
  for (let i = 0; i < 3; i++) addRow();
  byId('them-dong').addEventListener('click', () => addRow().querySelector('textarea').focus());

  onSubmit(byId('nhap'), async (v, form) => {
    const raiser = {name: v.name, phone: v.phone, email: v.email, village: v.village, address: v.address,
      consentToPublish: v.consentToPublish};
    const o = await api('POST', '/opinions', {channel: v.channel, plan: v.plan, field: v.field, content: v.content,
      raisers: [raiser]});
    form.reset();
    done('Đã lưu ý kiến. Mã theo dõi:', [o]);
  });

  onSubmit(byId('tong-hop-form'), async (v) => {
    const list = items();
    const result = await api('POST', '/opinions/compiled', {organisation: v.organisation, channel: v.channel,
      plan: v.plan, items: list.length ? list : undefined});
    fill(byId('dong'));
    rows = 0;
    for (let i = 0; i < 3; i++) addRow();
    done(`Đã lưu ${result.opinions.length} ý kiến của danh sách tổng hợp.`, result.opinions);
  });
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
