// Đăng nhập: POST /api/session sets the HttpOnly session cookie; then back to the page wanted.
import {byId, h} from './dom.js';
import {api, ApiError} from './api.js';
import {onSubmit, showErrors, announce} from './forms.js';
import {ready} from './layout.js';

/** Only a path of this site: never another origin (an open redirect) nor the sign-in page itself. */
export function nextPage(search = location.search) {
  const next = new URLSearchParams(search).get('next') || '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/dang-nhap')) {
    return '/';
  }
  return next;
}

const form = byId('dang-nhap');
const newPassword = byId('newPassword');

if (new URLSearchParams(location.search).has('next')) {
  announce(byId('thong-bao'), h('div', {class: 'notice'},
      h('p', {}, 'Phiên làm việc đã hết hạn hoặc đồng chí chưa đăng nhập. Vui lòng đăng nhập để tiếp tục.')));
}

onSubmit(form, async (v) => {
  const missing = [];
  if (!v.email) missing.push({field: 'email', message: 'Vui lòng nhập email.'});
  if (!v.password) missing.push({field: 'password', message: 'Vui lòng nhập mật khẩu.'});
  if (!newPassword.disabled && !v.newPassword) {
    missing.push({field: 'newPassword', message: 'Vui lòng nhập mật khẩu mới.'});
  }
  if (missing.length) throw new ApiError(400, 'validation_failed', 'Dữ liệu không hợp lệ.', missing);
  try {
    await api('POST', '/session', v);
    location.assign(nextPage());
  } catch (e) {
    if (e.code === 'new_password_required') {
      byId('nhom-mat-khau-moi').hidden = false;
      newPassword.disabled = false;
      showErrors(form, {fields: [{field: 'newPassword', message: e.message}]}, 'Cần đặt mật khẩu mới');
      return;
    }
    throw e;
  }
});

ready();
