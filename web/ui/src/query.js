// 查询: the Gizmo console (POST /query), with examples that work on the sample.

import { h, mount, loading, errorBox } from './dom.js';
import { api } from './api.js';

// The IRIs the store writes (graph/doc.go): entities under
// https://kgraph.github.io/id/, the product's predicates under
// https://kgraph.github.io/ns#, names as rdfs:label, the taxonomy as skos:broader.
const ID = 'https://kgraph.github.io/id/';
const NS = 'https://kgraph.github.io/ns#';
const LABEL = '<http://www.w3.org/2000/01/rdf-schema#label>';
const BROADER = '<http://www.w3.org/2004/02/skos/core#broader>';

export const EXAMPLES = [
  ['新一代信息技术的企业与项目', `g.V("<${ID}industry/新一代信息技术>").In("<${NS}inIndustry>").Out("${LABEL}").All()`],
  ['生物技术和大健康：细分领域 → 企业', `g.V("<${ID}industry/生物技术和大健康>").In("${BROADER}").Tag("segment").In("<${NS}inIndustry>").Out("${LABEL}").All()`],
  ['京东方的项目', `g.V("<${ID}enterprise/京东方>").Out("<${NS}hasProject>").All()`],
  ['已落地的项目', `g.V().Has("<${NS}stage>", "落地").Out("${LABEL}").All()`],
  ['京东方的全部谓词', `g.V("<${ID}enterprise/京东方>").OutPredicates().All()`],
];

export function leave() {}

// resultTable shows rows of plain values as a table, IRIs shortened; null
// when the rows are not that shape.
function resultTable(rows) {
  if (!rows.length || !rows.every((r) => r && typeof r === 'object' && !Array.isArray(r) && Object.values(r).every((v) => v == null || typeof v !== 'object'))) return null;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const short = (v) => String(v ?? '').replace(/^<(.*)>$/, '$1').replace(ID, '').replace(NS, 'kg:');
  return h('table', { class: 'grid small query-table' },
    h('thead', null, h('tr', null, cols.map((c) => h('th', null, c)))),
    h('tbody', null, rows.map((r) => h('tr', null, cols.map((c) => h('td', { title: String(r[c] ?? '') }, short(r[c])))))));
}

export function render(view) {
  const ta = h('textarea', { class: 'query-text', id: 'query-text', rows: 6, spellcheck: 'false', 'aria-label': 'Gizmo 查询' }, EXAMPLES[0][1]);
  const limit = h('input', { type: 'number', class: 'limit', min: 1, max: 10000, value: 100, 'aria-label': '结果上限' });
  const out = h('div', { class: 'query-out' });
  const run = async () => {
    mount(out, loading('查询中…'));
    const t0 = performance.now();
    try {
      const res = await api.query(ta.value, Number(limit.value) || 100);
      const rows = res.result || [];
      const json = h('pre', { class: 'query-result' }, JSON.stringify(rows, null, 2));
      const grid = resultTable(rows);
      if (grid) json.hidden = true;
      mount(out,
        h('div', { class: 'muted small' }, `${rows.length} 条结果 · ${Math.round(performance.now() - t0)} ms`,
          grid ? h('button', { class: 'link small toggle-json', onclick: () => { json.hidden = !json.hidden; grid.hidden = !grid.hidden; } }, ' · 表格 / JSON') : null),
        grid, json);
    } catch (err) {
      mount(out, errorBox(err));
    }
  };
  ta.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); } });
  mount(view, h('div', { class: 'query' },
    h('h1', { class: 'view-title' }, 'Gizmo 查询'),
    h('div', { class: 'examples' }, h('span', { class: 'label' }, '示例'), EXAMPLES.map(([label, q]) => h('button', { class: 'btn small', onclick: () => { ta.value = q; run(); } }, label))),
    ta,
    h('div', { class: 'query-bar' }, h('button', { class: 'btn primary', id: 'query-run', onclick: run }, '运行（Ctrl+Enter）'), h('label', { class: 'field' }, '结果上限 ', limit),
      h('span', { class: 'muted small' }, '只读查询，服务器有时间与结果数限制。')),
    h('div', { class: 'muted small' }, `实体 IRI：<${ID}类型/名称>，谓词：<${NS}inIndustry> 等，名称：${LABEL}，产业上下级：${BROADER}`),
    out));
}
