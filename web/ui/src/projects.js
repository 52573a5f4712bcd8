// 项目 pipeline: projects as a table or a board by stage, filterable by
// industry, place, year and stage; each project's stage history with evidence.

import { h, mount, loading, errorBox } from './dom.js';
import { api } from './api.js';
import { showProject, showEntity, stageChip, ownerName } from './evidence.js';
import { STAGES, nameOfId } from './labels.js';
import { loadChains, flatChains } from './chains.js';

const state = { mode: 'board', industry: '', place: '', year: '', stage: '' };

export function leave() {}

export async function render(view) {
  const out = h('div', { class: 'pipeline-out' }, loading());
  const industrySel = h('select', { 'aria-label': '产业', onchange: (ev) => { state.industry = ev.target.value; refresh(); } }, h('option', { value: '' }, '全部产业'));
  const placeSel = h('select', { 'aria-label': '地点', onchange: (ev) => { state.place = ev.target.value; refresh(); } }, h('option', { value: '' }, '全部地点'));
  const yearSel = h('select', { 'aria-label': '年份', onchange: (ev) => { state.year = ev.target.value; refresh(); } }, h('option', { value: '' }, '全部年份'));
  const stageSel = h('select', { 'aria-label': '阶段', onchange: (ev) => { state.stage = ev.target.value; refresh(); } }, h('option', { value: '' }, '全部阶段'), STAGES.map((s) => h('option', { value: s, selected: s === state.stage }, s)));
  const modeBtn = (m, label) => h('button', { class: 'btn small seg' + (state.mode === m ? ' on' : ''), 'data-mode': m, onclick: (ev) => {
    state.mode = m;
    for (const b of ev.currentTarget.parentNode.children) b.classList.toggle('on', b.dataset.mode === m);
    refresh();
  } }, label);
  mount(view, h('div', { class: 'pipeline' },
    h('div', { class: 'toolbar' },
      h('h1', { class: 'view-title' }, '项目进展'),
      h('div', { class: 'segbtns' }, modeBtn('board', '看板'), modeBtn('table', '表格')),
      h('span', { class: 'label' }, '筛选'), industrySel, placeSel, yearSel, stageSel,
      h('span', { class: 'muted small' }, '虚线框为计划中的阶段')),
    out));

  loadChains().then((cs) => industrySel.append(...flatChains(cs).map((c) => h('option', { value: c.id, selected: c.id === state.industry }, '\u3000'.repeat(c.depth) + c.name)))).catch(() => {});
  api.entities({ type: 'Place', limit: 200 }).then((r) => placeSel.append(...(r.items || []).map((p) => h('option', { value: p.id, selected: p.id === state.place }, p.name)))).catch(() => {});
  api.documents().then((r) => {
    const years = [...new Set((r.items || []).map((d) => d.year).filter(Boolean))].sort();
    yearSel.append(...years.map((y) => h('option', { value: y, selected: String(y) === state.year }, `${y}年`)));
  }).catch(() => {});

  async function refresh() {
    mount(out, loading());
    let data;
    try {
      data = await api.projects({ industry: state.industry, place: state.place, year: state.year, stage: state.stage });
    } catch (err) {
      mount(out, errorBox(err));
      return;
    }
    const projects = data.projects || [];
    const stages = data.stages && data.stages.length ? data.stages : STAGES;
    if (!projects.length) { mount(out, h('div', { class: 'muted' }, '没有符合条件的项目。')); return; }
    mount(out, h('div', { class: 'muted small count' }, `共 ${projects.length} 个项目`), state.mode === 'board' ? board(stages, projects) : table(projects));
  }
  await refresh();
}

function board(stages, projects) {
  const by = new Map(stages.map((s) => [s, []]));
  const other = [];
  for (const p of projects) (by.get(p.stage) || other).push(p);
  const cols = [...by].filter(([, l]) => l.length);
  if (other.length) cols.push(['未知阶段', other]);
  return h('div', { class: 'board' }, cols.map(([stage, list]) => h('section', { class: 'column', 'data-stage': stage },
    h('h2', { class: 'column-head' }, stage, h('span', { class: 'count' }, String(list.length))),
    h('div', { class: 'cards' }, list.map((p) => h('button', { class: 'card' + (p.planned ? ' planned' : ''), onclick: () => showProject(p) },
      h('div', { class: 'card-name' }, p.entity.name || nameOfId(p.entity.id)),
      h('div', { class: 'card-meta' }, p.owner ? ownerName(p.owner) : '业主未知', p.year ? ` · ${p.year}年` : '', p.planned ? ' · 计划' : ''),
      p.industries && p.industries.length ? h('div', { class: 'card-ind' }, p.industries.map((i) => i.name || nameOfId(i.id)).join('、')) : null))))));
}

function table(projects) {
  return h('table', { class: 'grid' },
    h('thead', null, h('tr', null, ['项目', '业主', '最新阶段', '年份', '产业', '阶段历程', '证据'].map((t) => h('th', null, t)))),
    h('tbody', null, projects.map((p) => h('tr', null,
      h('td', null, h('button', { class: 'link', onclick: () => showEntity(p.entity.id) }, p.entity.name || nameOfId(p.entity.id))),
      h('td', null, p.owner ? ownerName(p.owner) : '—'),
      h('td', null, stageChip(p.stage, p.planned)),
      h('td', null, p.year ? String(p.year) : '—'),
      h('td', null, (p.industries || []).map((i) => i.name || nameOfId(i.id)).join('、') || '—'),
      h('td', null, (p.history || []).map((s) => s.stage).join(' → ') || '—'),
      h('td', null, h('button', { class: 'link', onclick: () => showProject(p) }, `查看（${(p.history || []).reduce((n, s) => n + (s.evidence || []).length, 0)}）`))))));
}
