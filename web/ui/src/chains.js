// 产业链 (the landing view): the chain tree with counts on the left; a chosen
// chain's firms grouped by segment, with projects, stages and evidence, and a
// small graph chain → segments → firms → projects.

import { h, mount, loading, errorBox } from './dom.js';
import { api } from './api.js';
import { createCy, addElements, runLayout } from './graph.js';
import { fitBadge, stageChip, evidenceList, showEntity, typeBadge, closePanel } from './evidence.js';
import { exportBar } from './exportbar.js';
import { nameOfId } from './labels.js';

let cy = null;
let chainsCache = null;

/** The chain tree, fetched once per page (after uploads, reload() clears it). */
export async function loadChains(force = false) {
  if (!chainsCache || force) chainsCache = api.chains().then((r) => r.chains || []).catch((e) => { chainsCache = null; throw e; });
  return chainsCache;
}

/** All chain nodes, depth first, with their depth. */
export function flatChains(chains, depth = 0, out = []) {
  for (const c of chains) {
    out.push({ ...c, depth });
    flatChains(c.children || [], depth + 1, out);
  }
  return out;
}

export function leave() {
  if (cy) { cy.destroy(); cy = null; }
}

export async function render(view, params) {
  const tree = h('nav', { class: 'chain-tree', 'aria-label': '产业链' }, loading());
  const main = h('section', { class: 'chain-main' });
  mount(view, h('div', { class: 'chains-view' },
    h('aside', { class: 'sidebar' }, h('div', { class: 'sidebar-title' }, '产业链（企业数 · 项目数）'), tree), main));
  let chains;
  try {
    chains = await loadChains();
  } catch (err) {
    mount(tree, errorBox(err));
    return;
  }
  const selected = params.get('id');
  mount(tree, chains.length ? treeList(chains, selected) : h('div', { class: 'muted' }, '还没有产业链：请先在“文档”中上传报告。'));
  if (selected) await showChain(main, selected, params.get('inferred') !== 'false');
  else overview(main, chains);
}

function chainHref(id, inferred = true) {
  return '#/chains?id=' + encodeURIComponent(id) + (inferred ? '' : '&inferred=false');
}

function contains(c, id) {
  return c.id === id || (c.children || []).some((k) => contains(k, id));
}

// The tree shows the umbrella and the chains under it; deeper segments fold
// away unless the chosen chain is among them.
function treeList(nodes, selected, depth = 0) {
  return h('ul', { class: 'tree' }, nodes.map((c) => {
    const kids = c.children || [];
    const open = depth === 0 || contains(c, selected);
    const sub = kids.length ? treeList(kids, selected, depth + 1) : null;
    if (sub) sub.hidden = !open;
    const toggle = kids.length
      ? h('button', { class: 'tree-toggle', 'aria-expanded': String(open), title: open ? '收起' : '展开细分领域',
        onclick: (ev) => {
          sub.hidden = !sub.hidden;
          ev.currentTarget.textContent = sub.hidden ? '▸' : '▾';
          ev.currentTarget.setAttribute('aria-expanded', String(!sub.hidden));
        } }, open ? '▾' : '▸')
      : h('span', { class: 'tree-toggle none' });
    return h('li', null,
      h('div', { class: 'tree-row' }, toggle,
        h('a', { class: 'tree-node' + (c.id === selected ? ' selected' : '') + ' level-' + (c.level ?? depth) + (kids.length ? ' parent' : ''), href: chainHref(c.id), 'data-id': c.id },
          h('span', { class: 'tree-name' }, c.name),
          h('span', { class: 'tree-count', title: `${c.firms ?? 0} 家企业，${c.projects ?? 0} 个项目` }, `${c.firms ?? 0} · ${c.projects ?? 0}`))),
      sub);
  }));
}

function overview(main, chains) {
  // A single umbrella (高精尖产业) is not a choice: show the chains under it.
  while (chains.length === 1 && chains[0].children && chains[0].children.length) chains = chains[0].children;
  mount(main,
    h('div', { class: 'hint' }, '选择一条产业链，查看哪些企业适配它、它们的项目进展，以及每条结论的原文证据。'),
    h('div', { class: 'chain-cards' }, chains.map((c) => h('a', { class: 'chain-card', href: chainHref(c.id), 'data-id': c.id },
      h('div', { class: 'chain-card-name' }, c.name),
      h('div', { class: 'chain-card-counts' }, h('b', null, String(c.firms ?? 0)), ' 家企业 · ', h('b', null, String(c.projects ?? 0)), ' 个项目'),
      c.children && c.children.length ? h('div', { class: 'chain-card-segs' }, c.children.map((s) => s.name).join('、')) : null,
      h('div', { class: 'chain-card-go' }, '查看适配企业 ›')))));
}

function segmentName(f) {
  const s = f.segment;
  if (!s) return f.chain && f.chain.name ? f.chain.name : '';
  return typeof s === 'string' ? nameOfId(s) : s.name || nameOfId(s.id);
}
function segmentId(f) {
  const s = f.segment;
  if (!s) return f.chain && f.chain.id ? f.chain.id : '';
  if (typeof s !== 'string') return s.id;
  // The server names the segment; the fit's chain carries its id when they agree.
  if (f.chain && f.chain.name === s) return f.chain.id;
  return s.includes('/') ? s : 'industry/' + s;
}

async function showChain(main, id, inferred) {
  mount(main, loading());
  let data;
  try {
    data = await api.chainFirms(id, inferred);
  } catch (err) {
    mount(main, errorBox(err));
    return;
  }
  const chain = data.chain || { id, name: nameOfId(id) };
  const firms = data.firms || [];
  const total = data.total ?? firms.length;
  let next = data.next_offset || 0;
  const pageSize = firms.length;
  const graphBox = h('div', { class: 'chain-graph-canvas', 'aria-label': '产业链图' });
  const key = (cls, label) => h('span', { class: 'legend-item static' }, h('span', { class: cls }), label);
  const graphPane = h('div', { class: 'chain-graph' }, graphBox,
    h('div', { class: 'chain-legend' },
      key('shape s-Industry', '产业链 / 细分'), key('shape s-Enterprise', '企业'), key('shape s-Project', '项目'),
      key('line dashed', '推断'), h('span', { class: 'muted small' }, '点击细分领域进入')));
  const toggle = h('label', { class: 'check' },
    h('input', { type: 'checkbox', checked: inferred, onchange: (ev) => { location.hash = chainHref(id, ev.target.checked); } }),
    ' 包括关键词推断的企业（虚线）');
  const list = h('div', { class: 'firm-list' });
  const count = h('span', { class: 'muted' });
  // Narrows the list to firms whose name, alias or project holds the text.
  const filter = () => {
    const q = narrow.value.trim().toLowerCase();
    const shown = new Set();
    for (const sec of list.querySelectorAll('.segment')) {
      let any = false;
      for (const card of sec.querySelectorAll('.firm')) {
        const show = !q || card.dataset.find.includes(q);
        card.hidden = !show;
        if (show) shown.add(card.dataset.id);
        any = any || show;
      }
      sec.hidden = !any;
    }
    if (cy) cy.nodes('[type = "Enterprise"]').forEach((n) => n.toggleClass('faded', !!q && !shown.has(n.id())));
  };
  const narrow = h('input', { type: 'search', class: 'firm-filter', placeholder: '在已显示的企业中筛选', 'aria-label': '在已显示的企业中筛选', oninput: filter });
  // The list (and graph) of the firms fetched so far; a long answer comes
  // a page at a time, the next on demand.
  const draw = () => {
    const groups = new Map();
    for (const f of firms) {
      const key = segmentName(f) || chain.name;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(f);
    }
    const stated = firms.filter((f) => !f.inferred).length;
    count.textContent = `适配企业 ${total} 家` + (firms.length < total ? `，已显示前 ${firms.length} 家` : '') +
      `（明确 ${stated} · 推断 ${firms.length - stated}）`;
    const more = next ? h('button', { class: 'btn more-firms', onclick: loadMore }, `再显示 ${Math.min(total - firms.length, pageSize)} 家（共 ${total} 家）`) : null;
    mount(list,
      firms.length ? [...groups].map(([seg, members]) => h('section', { class: 'segment' },
        h('h2', { class: 'segment-name' }, seg, h('span', { class: 'muted' }, ` ${members.length} 家`)),
        members.map(firmCard))) : h('div', { class: 'muted' }, '这条产业链下还没有企业。'),
      more);
    filter();
    // The cards first: drawing hundreds of firms and their projects takes
    // the graph seconds, which the list need not wait for.
    leave();
    requestAnimationFrame(() => setTimeout(() => {
      if (graphBox.isConnected) drawChainGraph(graphBox, chain, firms);
      filter();
    }, 0));
  };
  const loadMore = async (ev) => {
    ev.target.disabled = true;
    ev.target.textContent = '加载中…';
    let page;
    try {
      page = await api.chainFirms(id, inferred, next);
    } catch (err) {
      ev.target.replaceWith(errorBox(err));
      return;
    }
    firms.push(...(page.firms || []));
    next = page.next_offset || 0;
    draw();
  };
  mount(main,
    h('div', { class: 'chain-head' },
      h('h1', null, chain.name),
      count,
      firms.length > 8 ? narrow : null,
      toggle,
      exportBar({ params: () => ({ chain: chain.id }), cy: () => cy, name: 'kg-chain-' + chain.name })),
    h('div', { class: 'chain-body' }, list, graphPane));
  draw();
}

function firmCard(f) {
  const e = f.entity || {};
  const first = (f.evidence || []).slice(0, 1);
  // The brief view sends the first piece of evidence and counts them.
  const evidenceCount = f.evidenceCount ?? (f.evidence || []).length;
  const find = [e.name, ...(e.aliases || []), ...(f.projects || []).map((p) => p.entity.name)].join(' ').toLowerCase();
  return h('article', { class: 'firm' + (f.inferred ? ' inferred' : ''), 'data-id': e.id, dataset: { find } },
    h('div', { class: 'firm-head' },
      h('button', { class: 'link firm-name', title: '查看全部关系与证据', onclick: () => showEntity(e.id) }, e.name || nameOfId(e.id)),
      fitBadge(f.inferred, f.confidence),
      e.aliases && e.aliases.length ? h('span', { class: 'muted small' }, e.aliases.slice(0, 2).join('、')) : null,
      h('span', { class: 'spacer' }),
      h('a', { class: 'link small', href: '#/graph?seed=' + encodeURIComponent(e.id) }, '图谱 ›')),
    f.projects && f.projects.length ? h('ul', { class: 'projects' }, f.projects.map((p) => h('li', null,
      typeBadge('Project'), ' ',
      h('button', { class: 'link', onclick: () => showEntity(p.entity.id) }, p.entity.name || nameOfId(p.entity.id)), ' ',
      stageChip(p.stage, p.planned))),
      f.projectCount > f.projects.length
        ? h('li', null, h('button', { class: 'link small', onclick: () => showEntity(e.id) }, `全部 ${f.projectCount} 个项目 ›`)) : null) : null,
    h('div', { class: 'firm-evidence' },
      h('span', { class: 'label' }, f.inferred ? '推断依据' : '证据'),
      evidenceList(first),
      evidenceCount > 1 ? h('button', { class: 'link small', onclick: () => showEntity(e.id) }, `全部 ${evidenceCount} 条证据 ›`) : null));
}

function drawChainGraph(box, chain, firms) {
  leave();
  cy = createCy(box);
  const els = [{ group: 'nodes', data: { id: chain.id, label: chain.name, type: 'Industry', seed: true } }];
  for (const f of firms) {
    const sid = segmentId(f);
    let parent = chain.id;
    if (sid && sid !== chain.id) {
      els.push({ group: 'nodes', classes: 'segment', data: { id: sid, label: segmentName(f), type: 'Industry' } });
      els.push({ group: 'edges', data: { id: chain.id + '>' + sid, source: chain.id, target: sid, label: '' } });
      parent = sid;
    }
    const e = f.entity;
    els.push({ group: 'nodes', data: { id: e.id, label: e.name || nameOfId(e.id), type: 'Enterprise', inferred: !!f.inferred } });
    els.push({ group: 'edges', data: { id: parent + '>' + e.id, source: parent, target: e.id, label: '', inferred: !!f.inferred } });
    for (const p of f.projects || []) {
      els.push({ group: 'nodes', data: { id: p.entity.id, label: p.entity.name || nameOfId(p.entity.id), type: 'Project' } });
      els.push({ group: 'edges', data: { id: e.id + '>' + p.entity.id, source: e.id, target: p.entity.id, label: p.stage || '' } });
    }
  }
  addElements(cy, els);
  runLayout(cy, cy.nodes().length > 60 ? 'fcose' : 'dagre');
  cy.on('tap', 'node', (ev) => {
    const id = ev.target.id();
    // A segment opens as a chain of its own; the chosen chain stays.
    if (ev.target.data('type') === 'Industry') {
      if (id !== chain.id) location.hash = chainHref(id);
      return;
    }
    showEntity(id);
  });
  cy.on('tap', (ev) => { if (ev.target === cy) closePanel(); });
}
