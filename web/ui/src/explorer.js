// 图谱 explorer: search, a seed in the centre, click to expand, filters,
// legend, layouts, fit/zoom/remove, export.

import { h, mount, toast } from './dom.js';
import { api } from './api.js';
import { createCy, toElements, addElements, runLayout, LAYOUTS } from './graph.js';
import { showEntity, showEdge, closePanel } from './evidence.js';
import { searchBox } from './suggest.js';
import { exportBar } from './exportbar.js';
import { TYPES, STAGES, nameOfId } from './labels.js';
import { loadChains, flatChains } from './chains.js';

let cy = null;
const state = {
  seed: '', hops: 1, layout: 'fcose', autoExpand: true,
  hiddenTypes: new Set(), industry: '', stage: '', document: '', year: '',
  allowed: null, // ids that match the industry/stage/document filters, or null
  docYears: new Map(),
};

export function leave() {
  if (cy) { cy.destroy(); cy = null; }
  window.kgDebug = undefined;
}

export async function render(view, params) {
  state.seed = params.get('seed') || '';
  state.hops = Number(params.get('hops')) || 1;
  const stats = h('span', { class: 'stats muted' });
  const box = h('div', { class: 'graph-canvas', id: 'graph-canvas' });
  const empty = h('div', { class: 'graph-empty' },
    h('p', null, '在上方搜索一个企业、项目或产业，它会出现在中心；点击节点展开它的邻居，点击连线查看原文证据。'));

  const hopsSel = h('select', { 'aria-label': '跳数', onchange: (ev) => { state.hops = Number(ev.target.value); if (state.seed) load(state.seed, true); } },
    [1, 2, 3].map((n) => h('option', { value: n, selected: n === state.hops }, `${n} 跳`)));
  const layoutSel = h('select', { 'aria-label': '布局', class: 'layout-select', onchange: (ev) => { state.layout = ev.target.value; relayout(); } },
    Object.entries(LAYOUTS).map(([k, v]) => h('option', { value: k, selected: k === state.layout }, v.label)));

  const industrySel = h('select', { 'aria-label': '产业', onchange: (ev) => { state.industry = ev.target.value; refilter(); } }, h('option', { value: '' }, '全部产业'));
  const stageSel = h('select', { 'aria-label': '阶段', onchange: (ev) => { state.stage = ev.target.value; refilter(); } },
    h('option', { value: '' }, '全部阶段'), STAGES.map((s) => h('option', { value: s, selected: s === state.stage }, s)));
  const docSel = h('select', { 'aria-label': '文档', onchange: (ev) => { state.document = ev.target.value; refilter(); } }, h('option', { value: '' }, '全部文档'));
  const yearSel = h('select', { 'aria-label': '年份', onchange: (ev) => { state.year = ev.target.value; refilter(); } }, h('option', { value: '' }, '全部年份'));

  const legend = h('div', { class: 'legend', role: 'group', 'aria-label': '图例（点击隐藏或显示该类型）' },
    Object.entries(TYPES).filter(([t]) => t !== 'Indicator').map(([t, v]) => h('button', {
      class: 'legend-item' + (state.hiddenTypes.has(t) ? ' off' : ''), 'data-type': t, title: '点击隐藏/显示' + v.label,
      onclick: (ev) => {
        if (state.hiddenTypes.has(t)) state.hiddenTypes.delete(t); else state.hiddenTypes.add(t);
        ev.currentTarget.classList.toggle('off');
        applyFilters();
      },
    }, h('span', { class: 'shape s-' + t }), v.label)),
    h('span', { class: 'legend-item static' }, h('span', { class: 'line dashed' }), '推断'));

  mount(view, h('div', { class: 'explorer' },
    h('div', { class: 'toolbar' },
      searchBox({ id: 'graph-search', placeholder: '搜索实体（中文名、简称、英文名）', onPick: (it) => { location.hash = '#/graph?seed=' + encodeURIComponent(it.id) + '&hops=' + state.hops; }, filters: () => ({ industry: state.industry, stage: state.stage, document: state.document }) }),
      hopsSel, layoutSel,
      h('button', { class: 'btn small', title: '重新布局', onclick: relayout }, '重新布局'),
      h('button', { class: 'btn small', title: '适应窗口', onclick: () => cy && cy.fit(cy.elements(':visible'), 30) }, '适应'),
      h('button', { class: 'btn small', title: '放大', 'aria-label': '放大', onclick: () => zoomBy(1.25) }, '+'),
      h('button', { class: 'btn small', title: '缩小', 'aria-label': '缩小', onclick: () => zoomBy(0.8) }, '−'),
      h('button', { class: 'btn small', title: '从视图中移除选中的节点（Delete 键）', onclick: removeSelected }, '移除所选'),
      h('button', { class: 'btn small', title: '清空画面', onclick: () => { cy && cy.elements().remove(); closePanel(); updateStats(); } }, '清空'),
      h('details', { class: 'paths' },
        h('summary', { class: 'btn small', title: '找出中心实体与另一个实体之间的关联路径' }, '关联路径'),
        h('div', { class: 'paths-pop' },
          h('div', { class: 'muted small' }, '从中心实体到：'),
          searchBox({ id: 'path-search', placeholder: '搜索目标实体', onPick: (it) => {
            document.querySelector('.explorer details.paths').open = false;
            showPaths(it.id);
          } }))),
      h('label', { class: 'check', title: '单击节点时加载它的邻居' }, h('input', { type: 'checkbox', checked: state.autoExpand, onchange: (ev) => { state.autoExpand = ev.target.checked; } }), ' 点击展开')),
    h('div', { class: 'toolbar filters' },
      h('span', { class: 'label' }, '筛选'), industrySel, stageSel, docSel, yearSel, legend),
    h('div', { class: 'graph-wrap' }, box, empty,
      h('div', { class: 'graph-foot' }, stats, exportBar({ params: exportParams, cy: () => cy, name: 'kg-graph' })))));

  leave();
  cy = createCy(box);
  // A handle for the browser tests (web/e2e): the drawing and its helpers.
  window.kgDebug = { cy: () => cy, toElements, addElements, runLayout };
  cy.on('tap', 'node', (ev) => onNode(ev.target));
  cy.on('tap', 'edge', (ev) => {
    const d = ev.target.data();
    showEdge(d, { nameOf: (id) => { const n = cy.getElementById(id); return n.nonempty() ? n.data('name') : nameOfId(id); }, onEntity: focusEntity });
  });
  cy.on('tap', (ev) => { if (ev.target === cy) closePanel(); });
  let pending = false;
  cy.on('add remove', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; if (cy) { empty.hidden = cy.elements().nonempty(); updateStats(); } });
  });
  box.tabIndex = 0;
  box.addEventListener('keydown', (ev) => { if (ev.key === 'Delete' || ev.key === 'Backspace') removeSelected(); });

  function updateStats() {
    if (!cy) return;
    const shown = (el) => !el.hasClass('hidden');
    const nodes = cy.nodes().filter(shown).length;
    const edges = cy.edges().filter((e) => shown(e) && shown(e.source()) && shown(e.target())).length;
    const total = cy.nodes().length;
    stats.textContent = `节点 ${nodes}${nodes < total ? ` / ${total}` : ''} · 边 ${edges}` + (state.truncated ? '（结果已截断）' : '');
  }
  state.updateStats = updateStats;

  fillFilterOptions(industrySel, docSel, yearSel);
  if (state.seed) await load(state.seed, true);
}

async function fillFilterOptions(industrySel, docSel, yearSel) {
  try {
    const chains = flatChains(await loadChains());
    industrySel.append(...chains.map((c) => h('option', { value: c.id, selected: c.id === state.industry }, '\u3000'.repeat(c.depth) + c.name)));
  } catch { /* the filter stays at 全部 */ }
  try {
    const docs = (await api.documents()).items || [];
    docSel.append(...docs.map((d) => h('option', { value: d.id, selected: d.id === state.document }, d.title || d.id)));
    const years = [...new Set(docs.map((d) => d.year).filter(Boolean))].sort();
    for (const d of docs) state.docYears.set(d.id, d.year);
    yearSel.append(...years.map((y) => h('option', { value: y, selected: String(y) === state.year }, `${y}年`)));
  } catch { /* idem */ }
}

// The API exports a neighbourhood (seed, hops, types). What is on screen
// after expanding is covered by the seed with as many hops as the farthest
// node drawn, and the types the legend shows.
function exportParams() {
  if (!cy || !state.seed) return null;
  const seed = cy.getElementById(state.seed);
  let hops = state.hops;
  if (seed.nonempty()) {
    let far = 0;
    cy.elements(':visible').bfs({ roots: seed, directed: false, visit: (v, e, u, i, depth) => { if (depth > far) far = depth; } });
    hops = Math.min(3, Math.max(hops, far));
  }
  const types = Object.keys(TYPES).filter((t) => !state.hiddenTypes.has(t));
  return { seed: state.seed, hops, types: state.hiddenTypes.size ? types : '' };
}

// Draws the shortest connections from the seed to another entity (GET
// /paths) and highlights them; each of their edges has its evidence.
async function showPaths(to) {
  if (!cy || !state.seed) { toast('请先搜索一个中心实体'); return; }
  const mine = cy;
  let res;
  try {
    res = await api.paths({ from: state.seed, to, max: 4 });
  } catch (err) {
    toast('查找路径失败：' + err.message, 'error');
    return;
  }
  if (cy !== mine) return;
  const paths = res.paths || [];
  if (!paths.length) { toast('在 4 跳之内没有找到路径'); return; }
  cy.elements().removeClass('path');
  for (const p of paths) addElements(cy, toElements(p.nodes, p.edges));
  const ids = new Set(paths.flatMap((p) => [...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id || `${e.source}|${e.predicate}|${e.target}`)]));
  const on = cy.elements().filter((el) => ids.has(el.id()));
  on.addClass('path');
  applyFilters();
  if (cy.nodes().length <= 400) await busy(() => runLayout(cy, state.layout));
  cy.animate({ fit: { eles: on, padding: 60 }, duration: 300 });
  toast(`找到 ${paths.length} 条路径`);
}

function zoomBy(f) {
  if (!cy) return;
  cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

function removeSelected() {
  if (!cy) return;
  const sel = cy.$(':selected');
  if (sel.empty()) { toast('先点击选中要移除的节点或连线'); return; }
  cy.remove(sel);
  closePanel();
}

async function relayout() {
  if (!cy || cy.elements().empty()) return;
  await busy(() => runLayout(cy, state.layout));
}

// busy marks the drawing while a layout moves it (tests wait on the mark).
async function busy(fn) {
  const box = cy && cy.container();
  if (box) box.dataset.busy = '1';
  try {
    return await fn();
  } finally {
    if (box) delete box.dataset.busy;
  }
}

async function load(seed, reset) {
  const mine = cy;
  let res;
  try {
    res = await api.graph({ seed, hops: state.hops, limit: 500 });
  } catch (err) {
    toast('加载图谱失败：' + err.message, 'error');
    return;
  }
  if (!cy || cy !== mine) return; // the analyst has moved on
  if (reset) cy.elements().remove();
  state.truncated = !!res.truncated;
  const added = addElements(cy, toElements(res.nodes, res.edges));
  cy.nodes().data('seed', false);
  const s = cy.getElementById(seed);
  s.data('seed', true);
  s.data('expanded', true);
  applyFilters();
  // The panel first, so that the layout fits the drawing into the room left.
  showEntity(seed, { actions: nodeActions(seed), onEntity: focusEntity });
  await busy(() => runLayout(cy, state.layout));
  if (added.nonempty()) s.select();
  state.updateStats();
}

async function expand(node) {
  const id = node.id();
  const mine = cy;
  let res;
  try {
    res = await api.graph({ seed: id, hops: 1, limit: 200 });
  } catch (err) {
    toast('展开失败：' + err.message, 'error');
    return;
  }
  if (!cy || cy !== mine || node.removed()) return;
  node.data('expanded', true);
  const p = node.position();
  const added = addElements(cy, toElements(res.nodes, res.edges));
  const fresh = added.nodes();
  fresh.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, fresh.length);
    n.position({ x: p.x + 120 * Math.cos(a), y: p.y + 120 * Math.sin(a) });
  });
  applyFilters();
  if (fresh.nonempty()) {
    if (cy.nodes().length <= 400) await busy(() => runLayout(cy, state.layout));
    else cy.fit(cy.elements(':visible'), 30);
    toast(`展开了 ${fresh.length} 个新节点`);
  } else {
    toast('没有更多邻居');
  }
  state.updateStats();
}

function nodeActions(id) {
  return [
    { label: '展开邻居', onclick: () => { const n = cy && cy.getElementById(id); if (n && n.nonempty()) expand(n); } },
    { label: '设为中心', onclick: () => { location.hash = '#/graph?seed=' + encodeURIComponent(id) + '&hops=' + state.hops; } },
    { label: '从视图移除', onclick: () => { if (cy) { cy.getElementById(id).remove(); closePanel(); } } },
  ];
}

/** Shows a related entity: in the drawing when it is there, in the panel always. */
function focusEntity(id) {
  const n = cy && cy.getElementById(id);
  if (n && n.nonempty()) {
    cy.$(':selected').unselect();
    n.select();
    cy.animate({ center: { eles: n }, duration: 300 });
  }
  showEntity(id, { actions: nodeActions(id), onEntity: focusEntity });
}

function onNode(node) {
  showEntity(node.id(), { actions: nodeActions(node.id()), onEntity: focusEntity });
  if (state.autoExpand && !node.data('expanded')) expand(node);
}

async function refilter() {
  state.allowed = null;
  if (state.industry || state.stage || state.document) {
    try {
      const res = await api.entities({ industry: state.industry, stage: state.stage, document: state.document, limit: 1000 });
      state.allowed = new Set((res.items || []).map((e) => e.id));
    } catch (err) {
      toast('筛选失败：' + err.message, 'error');
    }
  }
  applyFilters();
}

// Hides (never removes) what the filters leave out: types by the legend;
// entities outside the industry/stage/document selection (taxonomy, places
// and the seed stay as landmarks); edges without evidence of the document or year.
function applyFilters() {
  if (!cy) return;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const t = n.data('type');
      let hide = state.hiddenTypes.has(t);
      if (!hide && state.allowed && !n.data('seed') && !['Industry', 'Place', 'Document'].includes(t)) hide = !state.allowed.has(n.id());
      n.toggleClass('hidden', hide);
    });
    cy.edges().forEach((e) => {
      let hide = false;
      const ev = e.data('evidence') || [];
      if (state.document) hide = !ev.some((x) => x.document === state.document);
      if (!hide && state.year) {
        const y = String(e.data('year') || '');
        hide = y ? y !== state.year : !ev.some((x) => String(state.docYears.get(x.document) || '') === state.year);
      }
      e.toggleClass('hidden', hide);
    });
  });
  if (state.updateStats) state.updateStats();
}
