// Việc của tôi: by role, the counts and the first lines of each queue; every line opens its record.
import {h, fill, byId} from './dom.js';
import {api, query} from './api.js';
import {layout, has, pageError, ready} from './layout.js';
import {countdown, dayDate, excerpt, FIELD} from './text.js';
import {plans, planTitle} from './options.js';
import {announce} from './forms.js';

const SHOWN = 5;

function queues(user) {
  const q = [];
  if (has(user, 'agency') && !has(user, 'office', 'host')) {
    q.push({title: 'Việc được giao cho cơ quan', params: {plan: '*', status: 'assigned', sort: 'due'},
      empty: 'Cơ quan chưa được giao ý kiến nào đang chờ trả lời.'});
  }
  if (has(user, 'office', 'host')) {
    q.push({title: 'Ý kiến mới cần phân loại', params: {plan: '*', status: 'received'},
      empty: 'Không có ý kiến mới nào chờ phân loại.'});
  }
  if (has(user, 'office', 'host', 'agency', 'front')) {
    q.push({title: 'Sắp đến hạn (trong 2 ngày làm việc)', params: {plan: '*', status: 'assigned', dueWithin: 2, sort: 'due'},
      empty: 'Không có việc nào sắp đến hạn.'});
    q.push({title: 'Quá hạn', params: {plan: '*', status: 'assigned', overdue: true, sort: 'due'}, late: true,
      empty: 'Không có việc nào quá hạn.'});
  }
  if (has(user, 'front')) {
    q.push({title: 'Đang giải quyết (giám sát)', params: {plan: '*', status: 'assigned', sort: 'due'},
      empty: 'Không có ý kiến nào đang giải quyết.'});
    q.push({title: 'Đã trả lời, chờ kết thúc', params: {plan: '*', status: 'answered'},
      empty: 'Không có ý kiến nào đã trả lời mà chưa kết thúc.'});
  }
  if (has(user, 'office', 'host')) {
    q.push({title: 'Đã trả lời, chờ kết thúc', params: {plan: '*', status: 'answered'},
      empty: 'Không có ý kiến nào chờ kết thúc.'});
  }
  return q.filter((x, i, all) => all.findIndex((y) => y.title === x.title) === i);
}

function line(o) {
  // a countdown only while an agency's answer is awaited
  const due = o.workingDaysLeft !== null && o.workingDaysLeft !== undefined && o.assignment
      && (o.assignment.extendedTo || o.assignment.due);
  const late = due && o.workingDaysLeft < 0;
  return h('li', {},
      h('a', {href: '/y-kien/chi-tiet.html?id=' + encodeURIComponent(o.id)}, o.trackingCode), ' — ',
      excerpt(o.content, 90), ' ',
      h('span', {class: 'muted'}, '(' + (FIELD[o.field] || o.fieldText) + ')'),
      due ? [' · ', h('span', {class: 'tag ' + (late ? 'tag-late' : o.workingDaysLeft <= 2 ? 'tag-soon' : '')},
          `Hạn ${dayDate(due)}, ${countdown(o.workingDaysLeft)}`)] : null);
}

async function card(queue, index) {
  const page = await api('GET', '/opinions' + query({...queue.params, limit: SHOWN}));
  const headingId = 'hang-' + index;
  const list = page.opinions.length
      ? h('ul', {class: 'work-list'}, page.opinions.map(line))
      : h('p', {class: 'muted'}, queue.empty);
  const all = '/y-kien.html' + query({...queue.params, limit: undefined});
  return h('li', {class: 'card'},
      h('section', {'aria-labelledby': headingId},
          h('h2', {id: headingId}, queue.title),
          h('span', {class: 'count' + (queue.late && page.total ? ' tag-late' : '')},
              h('span', {class: 'visually-hidden'}, 'Số lượng: '), page.total),
          list,
          page.total > SHOWN ? h('p', {}, h('a', {href: all}, `Xem tất cả ${page.total} ý kiến`)) : null));
}

/** The host's queue: conclusion notices drafted by the office, waiting for Duyệt. */
async function approvals(index) {
  const planList = await plans();
  const lists = await Promise.all(planList.map((p) => api('GET', `/plans/${encodeURIComponent(p.id)}/conclusions`)
      .then((r) => r.conclusions.filter((c) => c.status === 'draft').map((c) => ({...c, plan: p})))
      .catch(() => [])));
  const drafts = lists.flat();
  const headingId = 'hang-' + index;
  const status = h('div', {role: 'status'});
  const line = (c) => {
    const button = h('button', {type: 'button', class: 'secondary', onclick: async () => {
      button.disabled = true;
      try {
        await api('POST', `/conclusions/${encodeURIComponent(c.id)}/approve`, {version: c.version});
        fill(item, c.title || 'Thông báo kết luận', ' — ', h('strong', {}, 'Đã duyệt'));
        announce(status, `Đã duyệt thông báo kết luận của kế hoạch ${planTitle(c.plan)}.`);
      } catch (e) {
        button.disabled = false;
        announce(status, h('span', {class: 'field-error'}, e.message));
      }
    }}, 'Duyệt', h('span', {class: 'visually-hidden'}, ' ' + (c.title || 'thông báo kết luận')));
    // with personal data still flagged, Duyệt is on the notice's page, after it is hidden or cleared
    const flagged = (c.personalData || []).length;
    const item = h('li', {}, h('a', {href: `/ke-hoach/thong-bao-ket-luan.html?id=${encodeURIComponent(c.id)}`},
        c.title || 'Thông báo kết luận'), ' (', planTitle(c.plan), ') ',
        flagged ? h('span', {class: 'tag tag-late'}, `còn ${flagged} thông tin cá nhân cần xử lý`) : button);
    return item;
  };
  return h('li', {class: 'card'}, h('section', {'aria-labelledby': headingId},
      h('h2', {id: headingId}, 'Thông báo kết luận chờ duyệt'),
      h('span', {class: 'count'}, h('span', {class: 'visually-hidden'}, 'Số lượng: '), drafts.length),
      drafts.length ? h('ul', {class: 'work-list'}, drafts.map(line))
        : h('p', {class: 'muted'}, 'Không có thông báo kết luận nào chờ duyệt.'),
      status));
}

async function main() {
  const user = await layout();
  const today = new Date().toLocaleDateString('sv-SE', {timeZone: 'Asia/Ho_Chi_Minh'});
  fill(byId('hom-nay'), `Chào đồng chí ${user.name || user.email}. Hôm nay là ${dayDate(today)}.`);
  const list = queues(user);
  const cards = await Promise.all([
    ...(has(user, 'host') ? [approvals(list.length)] : []),
    ...list.map((q, i) => card(q, i))]);
  fill(byId('viec'), cards.length ? h('ul', {class: 'cards'}, cards)
      : h('p', {}, 'Tài khoản của đồng chí chưa được giao vai trò nào có việc trong bảng này.'));
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
