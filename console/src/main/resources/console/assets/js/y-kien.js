// Ý kiến: the filtered list (filters in the URL), search without diacritics, “Xem thêm” by cursor, bulk actions.
import {h, fill, byId} from './dom.js';
import {api, query, gather} from './api.js';
import {layout, has, pageError, ready} from './layout.js';
import {STATUS, FIELD, CHANNEL, countdown, date, excerpt} from './text.js';
import {filtersOf, detailUrl} from './filters.js';
import {plans, agencies, addOptions, planTitle} from './options.js';
import {showErrors, clearErrors, announce} from './forms.js';

const PAGE = 20;
const filters = filtersOf();
let user;
let agencyList = [];
const selected = new Set((sessionStorage.getItem('chon') || '').split(',').filter(Boolean));

function remember() {
  sessionStorage.setItem('chon', [...selected].join(','));
}

/** The list as shown, for the detail page's “Ý kiến trước / sau”: the filters, the ids in order, the count. */
function rememberShown(ids, total) {
  sessionStorage.setItem('danh-sach', JSON.stringify({filters: query(filters), ids, total}));
}

function dueCell(o) {
  if (!o.assignment) return '—';
  const due = o.assignment.extendedTo || o.assignment.due;
  if (o.workingDaysLeft === null) return date(due);
  const late = o.workingDaysLeft < 0;
  return h('div', {}, date(due), h('br', {}), h('span', {class: 'tag ' + (late ? 'tag-late' : o.workingDaysLeft <= 2 ? 'tag-soon' : '')},
      countdown(o.workingDaysLeft)));
}

function row(o, bulk) {
  const raiser = o.raisers && o.raisers[0] ? o.raisers[0].name : o.compiledBy;
  return h('tr', {},
      bulk ? h('td', {'data-label': 'Chọn'}, h('div', {class: 'choice'},
          h('input', {type: 'checkbox', id: 'chon-' + o.id, value: o.id, checked: selected.has(o.id),
            onchange: (e) => {
              if (e.target.checked) selected.add(o.id);
              else selected.delete(o.id);
              remember();
              countSelected();
            }}),
          h('label', {for: 'chon-' + o.id}, h('span', {class: 'visually-hidden'}, 'Chọn ý kiến ' + o.trackingCode)))) : null,
      h('td', {'data-label': 'Mã'}, h('a', {href: detailUrl(o.id, filters)}, o.trackingCode)),
      h('td', {'data-label': 'Nội dung'}, h('div', {}, excerpt(o.content),
          raiser ? h('div', {class: 'muted'}, raiser + (o.raiserCount > 1 ? ` và ${o.raiserCount - 1} người khác` : '')) : null)),
      h('td', {'data-label': 'Lĩnh vực'}, FIELD[o.field] || o.fieldText),
      h('td', {'data-label': 'Trạng thái'}, h('div', {}, STATUS[o.status] || o.statusText,
          o.assignment ? h('div', {class: 'muted'}, o.assignment.agencyName) : null)),
      h('td', {'data-label': 'Hạn trả lời'}, dueCell(o)));
}

function countSelected() {
  const c = byId('so-chon');
  if (c) fill(c, selected.size ? `Đã chọn ${selected.size} ý kiến.` : 'Chưa chọn ý kiến nào.');
}

function bulkForm() {
  const form = h('form', {class: 'bulk', id: 'thao-tac-nhieu', novalidate: true},
      h('h2', {class: 'visually-hidden'}, 'Thao tác với nhiều ý kiến'),
      h('p', {id: 'so-chon', role: 'status'}),
      h('div', {class: 'group'}, h('label', {for: 'nhieu-agency'}, 'Cơ quan giải quyết'),
          (() => {
            const s = h('select', {id: 'nhieu-agency', name: 'agency', 'data-field': 'agency'},
                h('option', {value: ''}, 'Chọn cơ quan'));
            addOptions(s, agencyList.map((a) => [a.id, a.name]));
            return s;
          })()),
      h('button', {type: 'submit', name: 'do', value: 'assign'}, 'Giao cơ quan giải quyết'),
      h('button', {type: 'submit', name: 'do', value: 'accept', class: 'secondary'}, 'Đưa vào đối thoại'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const action = event.submitter && event.submitter.value;
    const agency = form.elements.agency.value;
    if (!selected.size) {
      showErrors(form, {message: 'Hãy chọn ít nhất một ý kiến trong danh sách.'});
      return;
    }
    if (action === 'assign' && !agency) {
      showErrors(form, {fields: [{field: 'agency', message: 'Hãy chọn cơ quan giải quyết.'}]});
      return;
    }
    form.querySelectorAll('button').forEach((b) => (b.disabled = true));
    const done = [];
    const failed = [];
    for (const id of selected) {
      try {
        if (action === 'assign') await api('POST', `/opinions/${encodeURIComponent(id)}/assign`, {agency});
        else await api('POST', `/opinions/${encodeURIComponent(id)}/triage`, {decision: 'accept'});
        done.push(id);
      } catch (e) {
        failed.push(`${id}: ${e.message}`);
      }
    }
    form.querySelectorAll('button').forEach((b) => (b.disabled = false));
    await render();
    const verb = action === 'assign' ? 'Đã giao cơ quan giải quyết' : 'Đã đưa vào đối thoại';
    announce(byId('thong-bao'), h('div', {class: 'notice ' + (failed.length ? 'notice-error' : 'notice-ok')},
        h('p', {}, `${verb} ${done.length} ý kiến.`),
        failed.length ? [h('p', {}, `${failed.length} ý kiến chưa thực hiện được:`),
          h('ul', {}, failed.map((f) => h('li', {}, f)))] : null));
  });
  return form;
}

function heading(shown, total, more) {
  const count = total !== null ? `${total} ý kiến` : more ? `${shown} ý kiến (còn tiếp)` : `${shown} ý kiến`;
  return filters.q ? `Kết quả tìm “${filters.q}”: ${count}` : count;
}

async function render() {
  // the first page; a search is filtered after the server's read, so its pages are gathered up to PAGE
  let {items, next, total} = await gather('/opinions', {...filters, limit: PAGE}, 'opinions', PAGE);
  const bulk = has(user, 'office', 'host');
  const title = h('h2', {id: 'so-ket-qua'}, heading(items.length, total, next));
  const children = [h('div', {class: 'summary-line'}, title)];
  rememberShown(items.map((o) => o.id), total);
  if (items.length === 0 && !next) {
    children.push(h('p', {}, 'Không có ý kiến nào khớp với bộ lọc. Hãy bỏ bớt điều kiện lọc hoặc tìm bằng từ khác.'));
  } else {
    if (bulk) children.push(bulkForm());
    const body = h('tbody', {}, items.map((o) => row(o, bulk)));
    children.push(h('table', {class: 'responsive', 'aria-labelledby': 'so-ket-qua'},
        h('thead', {}, h('tr', {},
            bulk ? h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Chọn')) : null,
            h('th', {scope: 'col'}, 'Mã'), h('th', {scope: 'col'}, 'Nội dung'), h('th', {scope: 'col'}, 'Lĩnh vực'),
            h('th', {scope: 'col'}, 'Trạng thái'), h('th', {scope: 'col'}, 'Hạn trả lời'))),
        body));
    const status = h('p', {class: 'muted', role: 'status', id: 'da-hien'});
    const more = h('button', {type: 'button', class: 'secondary', id: 'xem-them', onclick: async () => {
      more.disabled = true;
      const page = await gather('/opinions', {...filters, limit: PAGE, cursor: next}, 'opinions', PAGE);
      page.items.forEach((o) => body.appendChild(row(o, bulk)));
      items = items.concat(page.items);
      next = page.next;
      rememberShown(items.map((o) => o.id), total);
      if (total === null) fill(title, heading(items.length, null, next));
      fill(status, `Đang hiển thị ${items.length}${total !== null ? '/' + total : ''} ý kiến.`);
      more.disabled = false;
      if (!next) more.remove();
    }}, 'Xem thêm');
    children.push(h('div', {class: 'pager'}, next ? more : null, status));
  }
  fill(byId('ket-qua'), children);
  countSelected();
}

async function main() {
  user = await layout();
  const [planList, agencyOptions] = await Promise.all([plans(), agencies(user)]);
  agencyList = agencyOptions;
  addOptions(byId('loc-plan'), planList.map((p) => [p.id, planTitle(p)]), filters.plan);
  addOptions(byId('loc-status'), Object.entries(STATUS), filters.status || '');
  addOptions(byId('loc-field'), Object.entries(FIELD), filters.field || '');
  addOptions(byId('loc-channel'), Object.entries(CHANNEL), filters.channel || '');
  addOptions(byId('loc-agency'), agencyList.map((a) => [a.id, a.name]), filters.agency || '');
  byId('loc-overdue').checked = filters.overdue === 'true';
  byId('tim-q').value = filters.q || '';
  byId('loc-q-an').value = filters.q || '';
  if (!byId('loc-q-an').value) byId('loc-q-an').disabled = true;
  // the search keeps the filters, the filters keep the search
  const search = byId('tim');
  for (const [k, v] of Object.entries(filters)) {
    if (k !== 'q') search.appendChild(h('input', {type: 'hidden', name: k, value: v}));
  }
  await render();
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
