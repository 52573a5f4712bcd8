// The single-page app: a hash router over the views, and the top search.

import { mount } from './dom.js';
import * as chains from './chains.js';
import * as explorer from './explorer.js';
import * as projects from './projects.js';
import * as documents from './documents.js';
import * as query from './query.js';
import { closePanel, closeDocument } from './evidence.js';
import { searchBox } from './suggest.js';

const VIEWS = { chains, graph: explorer, projects, documents, query };
const TITLES = { chains: '产业链', graph: '图谱', projects: '项目', documents: '文档', query: '查询' };
let current = null;

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const name = (q >= 0 ? raw.slice(0, q) : raw) || 'chains';
  return { name: VIEWS[name] ? name : 'chains', params: new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '') };
}

async function route() {
  const { name, params } = parseHash();
  if (current) current.leave();
  current = VIEWS[name];
  closePanel();
  closeDocument();
  for (const a of document.querySelectorAll('#tabs a')) a.classList.toggle('active', a.dataset.view === name);
  document.body.dataset.view = name;
  document.title = `${TITLES[name]} · 产业链知识图谱`;
  const view = document.getElementById('view');
  mount(view);
  await current.render(view, params);
}

function start() {
  mount(document.getElementById('topsearch'), searchBox({
    id: 'top-search',
    placeholder: '搜索企业 / 项目 / 产业…（按 / 键）',
    onPick: (it) => {
      location.hash = '#/graph?seed=' + encodeURIComponent(it.id);
      document.getElementById('top-search').value = '';
    },
  }));
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') closeDocument();
    // "/" jumps to the search box, as on many sites.
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
    if (ev.key === '/' && !typing) {
      ev.preventDefault();
      document.getElementById('top-search').focus();
    }
  });
  window.addEventListener('hashchange', route);
  route();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
