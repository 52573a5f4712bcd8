// A search box with suggestions from GET /entities?q= (names, aliases,
// English names), driven by keyboard or mouse.

import { h, debounce } from './dom.js';
import { api } from './api.js';
import { typeBadge } from './evidence.js';

/**
 * searchBox({placeholder, onPick(entity), filters: () => params}) returns
 * the element; onPick gets the chosen entity.
 */
export function searchBox({ placeholder = '搜索企业、项目、产业、地点…', onPick, filters = () => ({}), id } = {}) {
  const input = h('input', { type: 'search', class: 'search-input', placeholder, autocomplete: 'off', spellcheck: 'false', 'aria-label': placeholder, id });
  const list = h('ul', { class: 'suggest', role: 'listbox', hidden: true });
  let items = [];
  let active = -1;
  let seq = 0;

  const close = () => { list.hidden = true; active = -1; };
  const pick = (i) => {
    const it = items[i];
    if (!it) return;
    close();
    input.value = it.name;
    onPick(it);
  };
  const render = () => {
    list.replaceChildren(...items.map((it, i) => h('li', {
      class: 'suggest-item' + (i === active ? ' active' : ''), role: 'option',
      onmousedown: (ev) => { ev.preventDefault(); pick(i); },
    }, typeBadge(it.type), h('span', { class: 'suggest-name' }, it.name),
    it.aliases && it.aliases.length ? h('span', { class: 'suggest-alias' }, it.aliases.slice(0, 3).join('、')) : null)));
    if (!items.length) list.replaceChildren(h('li', { class: 'suggest-empty' }, '没有找到匹配的实体'));
    list.hidden = false;
  };
  // search() asks the API now; it resolves true when this answer is the latest.
  const search = async () => {
    const q = input.value.trim();
    if (!q) { close(); return false; }
    const my = ++seq;
    try {
      const res = await api.entities({ q, limit: 12, ...filters() });
      if (my !== seq) return false;
      items = res.items || [];
      active = items.length ? 0 : -1;
      render();
      return true;
    } catch {
      if (my === seq) { items = []; close(); }
      return false;
    }
  };
  const lookup = debounce(search, 180);

  input.addEventListener('input', lookup);
  input.addEventListener('focus', () => { if (input.value.trim()) lookup(); });
  input.addEventListener('blur', () => setTimeout(close, 150));
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && items.length) { active = (active + 1) % items.length; render(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp' && items.length) { active = (active - 1 + items.length) % items.length; render(); ev.preventDefault(); }
    else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
      // Enter before the suggestions came: take the best match.
      else search().then((latest) => { if (latest && items.length) pick(0); });
    }
    else if (ev.key === 'Escape') close();
  });
  return h('div', { class: 'searchbox' }, input, list);
}
