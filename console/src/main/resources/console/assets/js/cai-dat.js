// Cài đặt (the commune's admin): the commune's profile and offices, its agencies and their addresses, the
// webhook secret (rotated, shown once), and local days off or working days (calendar overrides).
import {h, fill, byId} from './dom.js';
import {api} from './api.js';
import {layout, has, pageError, ready} from './layout.js';
import {dayDate, dateTime} from './text.js';
import {onSubmit, announce} from './forms.js';
import {control, text, dateInput, select} from './controls.js';

const enc = encodeURIComponent;
let user;
let commune;

function said(...content) {
  announce(byId('thong-bao'), h('div', {class: 'notice notice-ok'}, ...content));
  byId('thong-bao').focus();
}

let agencySeq = 0;
function agencyRow(a = {}) {
  const n = agencySeq++;
  const input = (field, label, value, type = 'text') => h('td', {'data-label': label},
      h('label', {class: 'visually-hidden', for: `cq-${field}-${n}`}, `${label} (dòng ${n + 1})`),
      h('input', {type, id: `cq-${field}-${n}`, class: 'cq-' + field, value: value || ''}));
  return h('tr', {class: 'agency'}, input('id', 'Mã', a.id), input('name', 'Tên cơ quan', a.name),
      input('email', 'E-mail', a.email, 'email'));
}

function profileForm(c) {
  const rows = h('tbody', {}, c.agencies.map(agencyRow));
  const form = h('form', {novalidate: true, id: 'ho-so'},
      h('h2', {}, 'Thông tin của xã'),
      control('Tên xã', 'name', text(c.name)),
      control('Tỉnh, thành phố', 'province', text(c.province)),
      control('Văn phòng Đảng ủy', 'partyOfficeName', text(c.partyOfficeName)),
      control('Văn phòng HĐND và UBND', 'peoplesCommitteeOfficeName', text(c.peoplesCommitteeOfficeName)),
      control('E-mail của Văn phòng', 'officeEmail', text(c.officeEmail)),
      control('E-mail của người chủ trì', 'hostEmail', text(c.hostEmail || '')),
      control('E-mail của Ủy ban MTTQ xã', 'frontEmail', text(c.frontEmail || '')),
      control('Trang thông tin điện tử của xã', 'websiteUrl', text(c.websiteUrl || ''), 'Bắt đầu bằng https://'),
      h('h2', {}, 'Cơ quan chuyên môn'),
      h('p', {class: 'hint'}, 'Mã gồm chữ thường không dấu, số và dấu gạch ngang; để trống cả dòng để bỏ cơ quan.'),
      h('table', {class: 'responsive', id: 'co-quan', 'data-field': 'agencies', tabindex: '-1'},
          h('caption', {class: 'visually-hidden'}, 'Cơ quan chuyên môn và địa chỉ e-mail'),
          h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Mã'), h('th', {scope: 'col'}, 'Tên cơ quan'), h('th', {scope: 'col'}, 'E-mail'))),
          rows),
      h('button', {type: 'button', class: 'secondary', onclick: () => {
        const r = agencyRow();
        rows.appendChild(r);
        r.querySelector('input').focus();
      }}, 'Thêm cơ quan'),
      h('p', {}, h('button', {type: 'submit'}, 'Lưu thông tin')));
  onSubmit(form, async (v) => {
    const agencies = [...form.querySelectorAll('tr.agency')].map((r) => ({
      id: r.querySelector('.cq-id').value.trim(), name: r.querySelector('.cq-name').value.trim(),
      email: r.querySelector('.cq-email').value.trim() || undefined, row: r})).filter((a) => a.id || a.name || a.email);
    agencies.forEach((a, i) => ['id', 'name', 'email'].forEach((f) => (a.row.querySelector('.cq-' + f).dataset.field = `agencies[${i}].${f}`)));
    const next = await api('PUT', '/communes/' + enc(commune.id), {
      name: v.name, province: v.province, profile: commune.profile, partyOfficeName: v.partyOfficeName,
      peoplesCommitteeOfficeName: v.peoplesCommitteeOfficeName, officeEmail: v.officeEmail, hostEmail: v.hostEmail,
      frontEmail: v.frontEmail, websiteUrl: v.websiteUrl, version: commune.version,
      agencies: agencies.map(({id, name, email}) => ({id, name, email}))});
    commune = next;
    said(h('p', {}, 'Đã lưu thông tin của xã.'));
  });
  return form;
}

function secretForm() {
  const shown = h('div', {id: 'khoa-moi'});
  const form = h('form', {novalidate: true, id: 'doi-khoa'},
      h('h2', {}, 'Khóa bí mật của trang web xã'),
      h('p', {}, 'Trang web của xã dùng khóa này để ký các ý kiến gửi về. Khi tạo khóa mới, khóa cũ vẫn dùng được trong thời gian chuyển tiếp để kịp cập nhật trang web.'),
      control('Thời gian khóa cũ còn hiệu lực', 'overlapHours', select([['24', '24 giờ'], ['72', '3 ngày'], ['168', '7 ngày'], ['0', 'Hết hiệu lực ngay']], null, '24')),
      h('button', {type: 'submit', class: 'warning'}, 'Tạo khóa mới'),
      shown);
  onSubmit(form, async (v) => {
    const r = await api('POST', `/communes/${enc(commune.id)}/webhook-secrets`, {overlapHours: Number(v.overlapHours)});
    fill(shown, h('div', {class: 'notice notice-ok'},
        h('h3', {}, 'Khóa mới (chỉ hiển thị một lần)'),
        h('p', {}, h('code', {class: 'secret', id: 'khoa'}, r.webhookSecret.secret)),
        h('p', {}, r.webhookSecret.note)));
    shown.querySelector('.notice').setAttribute('tabindex', '-1');
    shown.querySelector('.notice').focus();
  });
  return form;
}

function overrideForm() {
  const form = h('form', {novalidate: true, id: 'dieu-chinh-lich'},
      h('h2', {}, 'Điều chỉnh lịch làm việc của xã'),
      h('p', {}, 'Ngày nghỉ hoặc ngày làm việc riêng của địa phương theo văn bản được công bố; hạn của các kế hoạch được tính lại.'),
      control('Ngày', 'date', dateInput()),
      h('fieldset', {class: 'group'}, h('legend', {}, 'Loại điều chỉnh'),
          [['day-off', 'Ngày nghỉ'], ['working-day', 'Ngày làm việc (làm bù)']].map(([value, label], i) =>
            h('div', {class: 'choice'}, h('input', {type: 'radio', id: 'dc-type-' + i, name: 'type', value, 'data-field': i === 0 ? 'type' : null}),
                h('label', {for: 'dc-type-' + i}, label)))),
      control('Lý do', 'reason', text()),
      control('Văn bản công bố', 'source', text(), 'Số, ngày, cơ quan ban hành.'),
      h('button', {type: 'submit'}, 'Lưu điều chỉnh'));
  onSubmit(form, async (v) => {
    const r = await api('POST', '/calendar/overrides', {date: v.date, type: v.type, reason: v.reason, source: v.source});
    said(h('p', {}, `Đã điều chỉnh: ${dayDate(r.date)} là ${r.type === 'day-off' ? 'ngày nghỉ' : 'ngày làm việc'}; `,
        r.scope === 'national' ? `hạn của các kế hoạch đang được tính lại ở ${r.communesQueued} xã.`
          : `${(r.plansMoved || []).length} kế hoạch được tính lại hạn.`), h('p', {}, h('a', {href: '/lich.html?month=' + r.date.slice(0, 7)}, 'Xem lịch tháng')));
    form.reset();
  });
  return form;
}

/** The platform administrator registers a commune; its webhook secret is shown once, to hand to the website. */
function registerForm() {
  const shown = h('div', {id: 'xa-moi'});
  const form = h('form', {novalidate: true, id: 'dang-ky-xa'},
      h('h2', {}, 'Đăng ký xã mới'),
      h('p', {}, 'Mỗi xã được đăng ký một lần. Sau khi đăng ký, quản trị của xã nhập các cơ quan, địa chỉ e-mail và tài khoản cán bộ.'),
      control('Mã xã', 'id', text(), 'Chữ thường không dấu, nối bằng gạch ngang, ví dụ xa-thien-hoa.'),
      control('Tên xã', 'name', text(), 'Ví dụ: Xã Thiên Hòa.'),
      control('Tỉnh', 'province', text()),
      control('Bộ quy tắc thời hạn', 'profile', text(), 'Mã bộ quy tắc của tỉnh, ví dụ lang-son-320.'),
      control('E-mail của Văn phòng', 'officeEmail', text()),
      h('button', {type: 'submit'}, 'Đăng ký xã'),
      shown);
  onSubmit(form, async (v) => {
    const r = await api('POST', '/communes', {id: v.id, name: v.name, province: v.province, profile: v.profile,
      officeEmail: v.officeEmail});
    fill(shown, h('div', {class: 'notice notice-ok', tabindex: '-1'},
        h('h3', {}, `Đã đăng ký ${r.name}`),
        h('p', {}, 'Khóa bí mật của trang web xã (chỉ hiển thị một lần):'),
        h('p', {}, h('code', {class: 'secret', id: 'khoa-xa-moi'}, r.webhookSecret.secret)),
        h('p', {}, r.webhookSecret.note)));
    shown.querySelector('.notice').focus();
  });
  return form;
}

async function main() {
  user = await layout();
  if (!has(user, 'admin')) throw new Error('Trang này dành cho quản trị của xã.');
  if (user.commune === '*') {
    fill(byId('cai-dat'), h('p', {class: 'lead'}, 'Quản trị hệ thống: đăng ký các xã dùng phần mềm.'),
        registerForm());
    return;
  }
  commune = await api('GET', '/communes/' + enc(user.commune));
  fill(byId('cai-dat'),
      h('p', {class: 'lead'}, `${commune.name}, ${commune.province}. Bộ quy tắc thời hạn: ${commune.profile}. Tạo lúc ${dateTime(commune.createdAt)}.`),
      profileForm(commune), secretForm(), overrideForm(),
      h('h2', {}, 'Dữ liệu cá nhân của công dân'),
      h('p', {}, 'Yêu cầu của công dân xem hoặc xóa dữ liệu cá nhân, và thời hạn lưu trữ liên hệ của người nêu ý kiến: ',
          h('a', {href: '/du-lieu-ca-nhan.html'}, 'Dữ liệu cá nhân của công dân'),
          has(user, 'office') ? '.' : ' (do Văn phòng của xã xử lý).'));
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
