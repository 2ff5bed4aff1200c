// Labelled form controls for the plan and notice pages (the opinion page keeps its own).
import {h} from './dom.js';

let seq = 0;

/** A labelled control: label, optional hint, the control (id, name and data-field set here). */
export function control(label, name, make, hint) {
  const cid = 'k' + ++seq + '-' + name;
  const hintId = hint ? cid + '-goi-y' : null;
  const el = make();
  el.id = cid;
  el.name = name;
  el.dataset.field = name;
  if (hintId) el.setAttribute('aria-describedby', hintId);
  return h('div', {class: 'group'}, h('label', {for: cid}, label),
      hint ? h('span', {class: 'hint', id: hintId}, hint) : null, el);
}

export const textarea = (rows = 4, value = '') => () => {
  const t = h('textarea', {rows});
  t.value = value;
  return t;
};
export const text = (value = '') => () => h('input', {type: 'text', value});
export const dateInput = (value = '') => () => h('input', {type: 'date', value});
export const numberInput = (value = '') => () => h('input', {type: 'text', inputmode: 'numeric', value});

export function select(entries, first, selected) {
  return () => {
    const s = h('select', {}, first ? h('option', {value: ''}, first) : null);
    for (const [value, label] of entries) s.appendChild(h('option', {value, selected: value === selected}, label));
    return s;
  };
}
