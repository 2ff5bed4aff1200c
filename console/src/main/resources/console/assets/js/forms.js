// Forms: the GOV.UK error summary at the top (links to each field), the message beside each field, and a
// submit that cannot be sent twice.
import {h, fill} from './dom.js';

/** Removes the summary and every field message of a form. */
export function clearErrors(form) {
  form.querySelectorAll('.error-summary, .field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => {
    e.removeAttribute('aria-invalid');
    const described = (e.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.endsWith('-loi'));
    if (described.length) e.setAttribute('aria-describedby', described.join(' '));
    else e.removeAttribute('aria-describedby');
  });
  form.querySelectorAll('.group-error').forEach((e) => e.classList.remove('group-error'));
}

/**
 * Shows an API error (or a list of {field, message}) on the form: fields named in data-field (or name) get
 * their message; the summary lists them all and takes the focus.
 */
export function showErrors(form, error, title = 'Chưa thực hiện được') {
  clearErrors(form);
  const fields = error.fields && error.fields.length ? error.fields : [{field: null, message: error.message}];
  const items = fields.map(({field, message}) => {
    const input = field && findField(form, field);
    if (!input) return h('li', {}, message);
    const id = input.id + '-loi';
    const group = input.closest('.group');
    if (group) group.classList.add('group-error');
    const note = h('p', {class: 'field-error', id}, h('span', {class: 'visually-hidden'}, 'Lỗi: '), message);
    // GOV.UK order: label, hint, message, control
    const anchor = group && (group.querySelector(':scope > .hint') || group.querySelector('label, legend'));
    (anchor || input).insertAdjacentElement('afterend', note);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    return h('li', {}, h('a', {href: '#' + input.id, onclick: (e) => {
      e.preventDefault();
      input.focus();
    }}, message));
  });
  const summary = h('div', {class: 'error-summary', role: 'alert', tabindex: '-1'},
      h('h2', {class: 'error-summary-title'}, title),
      h('ul', {}, items));
  form.prepend(summary);
  summary.focus();
}

function findField(form, field) {
  const key = String(field).split('.')[0].replace(/\[\d+\]$/, '');
  return form.querySelector(`[data-field="${CSS.escape(field)}"]`)
      || form.querySelector(`[data-field="${CSS.escape(key)}"]`)
      || form.querySelector(`[name="${CSS.escape(key)}"]`);
}

/** The form's values as an object (empty strings left out; checkboxes as booleans). */
export function values(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled) continue;
    if (el.type === 'checkbox') out[el.name] = el.checked;
    else if (el.type === 'radio') {
      if (el.checked) out[el.name] = el.value;
    } else if (el.value.trim() !== '') out[el.name] = el.value.trim();
  }
  return out;
}

/**
 * Runs action(values, form, submitter) on submit: the buttons disabled meanwhile, errors shown in the summary.
 * The submitter is the button pressed, for a form with more than one.
 */
export function onSubmit(form, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const buttons = form.querySelectorAll('button');
    buttons.forEach((b) => (b.disabled = true));
    try {
      clearErrors(form);
      await action(values(form), form, event.submitter);
    } catch (e) {
      if (e.code !== 'signed_out') showErrors(form, e);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  });
}

/** A status message read out by screen readers (role=status), e.g. after an action. */
export function announce(region, ...content) {
  fill(region, ...content);
  region.hidden = false;
}
