// Every signed-in page: who is signed in (from the session), the navigation for their roles, sign-out.
import {h, fill, byId} from './dom.js';
import {api, signInUrl} from './api.js';
import {ROLE} from './text.js';

let current = null;

/** The signed-in user ({email, name, commune, roles, agency}); sends to sign-in when there is none. */
export async function session() {
  if (!current) {
    current = api('GET', '/session').catch((e) => {
      if (e.status === 401) {
        location.assign(signInUrl());
        return new Promise(() => {}); // the page is going away
      }
      throw e;
    });
  }
  return current;
}

export const has = (user, ...roles) => roles.some((r) => user.roles.includes(r));

/** Fills the header's user box and hides navigation the user's roles do not use. */
export async function layout() {
  const user = await session();
  const box = byId('nguoi-dung');
  if (box) {
    fill(box,
        h('span', {class: 'user-name'}, user.name || user.email),
        h('span', {class: 'user-role'}, user.roles.map((r) => ROLE[r] || r).join(', ')),
        h('button', {type: 'button', class: 'button-link', onclick: signOut}, 'Đăng xuất'));
  }
  document.querySelectorAll('[data-roles]').forEach((el) => {
    el.hidden = !has(user, ...el.dataset.roles.split(' '));
  });
  const here = location.pathname;
  document.querySelectorAll('.nav a').forEach((a) => {
    const target = new URL(a.href).pathname;
    if (target === here || (target !== '/' && here.startsWith(target.replace(/\.html$/, '/')))) {
      a.setAttribute('aria-current', 'page');
    }
  });
  return user;
}

async function signOut() {
  try {
    await api('DELETE', '/session');
  } finally {
    location.assign('/dang-nhap.html');
  }
}

/** Shows a page-level problem (no data, no access) in the main region. */
export function pageError(e) {
  const main = byId('noi-dung');
  fill(main, h('div', {class: 'notice notice-error', role: 'alert'}, h('h1', {}, 'Không hiển thị được trang'),
      h('p', {}, e.message)));
}

/** Marks the page interactive (its data shown, its forms live): tests and the benchmark wait for it. */
export function ready() {
  performance.mark('dt-ready');
  document.documentElement.dataset.ready = 'true';
}
