// Builds DOM from data. Every string becomes a text node or an attribute value: nothing is ever parsed as
// HTML (the page's CSP requires Trusted Types with no policy, so an innerHTML assignment would throw anyway).

const URL_ATTRS = new Set(['href', 'action', 'src', 'formaction']);

/** True for a same-origin path or an http(s) address: never javascript:, data: or the like. */
export function safeUrl(value) {
  const s = String(value);
  if (s.startsWith('/') && !s.startsWith('//')) return true;
  if (s.startsWith('?') || s.startsWith('#')) return true;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * h('a', {href: '/y-kien.html', class: 'link'}, 'text', otherNode) → an element.
 * Attributes: strings set as attributes (URLs checked by safeUrl); booleans add or omit the attribute;
 * functions under on<event> become listeners; null and undefined are skipped. Children: strings and numbers
 * become text nodes, nodes are appended, arrays are flattened, null/undefined/false are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) {
      if (typeof value !== 'function') throw new TypeError(`${name} must be a function`);
      el.addEventListener(name.slice(2).toLowerCase(), value);
      continue;
    }
    if (value === true) {
      el.setAttribute(name, '');
      continue;
    }
    if (URL_ATTRS.has(name) && !safeUrl(value)) throw new TypeError(`unsafe URL in ${name}`);
    el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** Replaces the children of el with the given ones. */
export function fill(el, ...children) {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, children);
  return el;
}

export function byId(id) {
  return document.getElementById(id);
}
