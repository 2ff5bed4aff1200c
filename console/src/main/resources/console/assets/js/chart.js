// An accessible horizontal bar chart as inline SVG (built node by node, text only): a title and a description
// for assistive technology, each bar labelled with its value; the same numbers are always in a table beside it.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  for (const c of children) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

let seq = 0;

/** rows: [{label, value}]; returns an <svg role="img"> sized to its rows. */
export function barChart(title, rows) {
  const n = ++seq;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const row = 28;
  const labelWidth = 300;
  const width = 720;
  const barMax = width - labelWidth - 60;
  const height = rows.length * row + 8;
  const desc = rows.map((r) => `${r.label}: ${r.value}`).join('; ');
  return svg('svg', {class: 'chart', role: 'img', viewBox: `0 0 ${width} ${height}`, 'aria-labelledby': `bd-t${n} bd-d${n}`,
    preserveAspectRatio: 'xMinYMin meet'},
  svg('title', {id: `bd-t${n}`}, title),
  svg('desc', {id: `bd-d${n}`}, desc),
  ...rows.map((r, i) => {
    const y = i * row + 4;
    const w = Math.round((r.value / max) * barMax);
    return svg('g', {},
        svg('text', {x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', class: 'chart-label'}, r.label),
        svg('rect', {x: labelWidth, y, width: Math.max(w, r.value ? 2 : 0), height: row - 8, class: 'chart-bar'}),
        svg('text', {x: labelWidth + w + 6, y: y + 17, class: 'chart-value'}, String(r.value)));
  }));
}
