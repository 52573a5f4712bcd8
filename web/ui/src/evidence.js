// The evidence panel (right) and the document viewer (overlay): every fact
// shown with the sentence it was read from, one click from the document text.

import { h, mount, loading, errorBox } from './dom.js';
import { api } from './api.js';
import { typeLabel, predLabel, localName, nameOfId, typeOfId } from './labels.js';

const panel = () => document.getElementById('panel');

/** Closes the evidence panel. */
export function closePanel() {
  const p = panel();
  p.hidden = true;
  p.replaceChildren();
  document.body.classList.remove('with-panel');
}

function openPanel(...children) {
  const p = panel();
  mount(p,
    h('div', { class: 'panel-head' },
      h('span', { class: 'panel-title' }, '证据与属性'),
      h('button', { class: 'icon', title: '关闭', 'aria-label': '关闭', onclick: closePanel }, '×')),
    h('div', { class: 'panel-body' }, ...children));
  p.hidden = false;
  document.body.classList.add('with-panel');
  p.scrollTop = 0;
  return p;
}

/** A type badge: coloured by type. */
export function typeBadge(type) {
  return h('span', { class: 'badge type t-' + (type || 'none') }, typeLabel(type));
}

/** Stated or inferred, visibly different. */
export function fitBadge(inferred, confidence) {
  const c = confidence != null ? ' ' + Math.round(confidence * 100) + '%' : '';
  return inferred
    ? h('span', { class: 'badge inferred', title: '由关键词推断，非原文直接陈述' }, '推断' + c)
    : h('span', { class: 'badge stated', title: '原文直接陈述' }, '明确' + c);
}

export function stageChip(stage, planned) {
  if (!stage) return h('span', { class: 'stage none' }, '—');
  return h('span', { class: 'stage' + (planned ? ' planned' : ''), title: planned ? '计划中（原文为计划表述）' : '已发生' },
    stage + (planned ? '（计划）' : ''));
}

let titles = null;

// docSource names the document by its id, its title on hover.
function docSource(ev) {
  const span = h('span', null, '来源：', ev.document || '?', ev.sentence != null ? ` · 第 ${ev.sentence + 1} 句` : '');
  if (!titles) titles = api.documents().then((r) => new Map((r.items || []).map((d) => [d.id, d.title]))).catch(() => new Map());
  titles.then((m) => { if (m.get(ev.document)) span.title = m.get(ev.document); });
  return span;
}

/**
 * The evidence of one fact: each sentence quoted with a button that opens
 * the document at it. An empty list says so instead of showing nothing.
 */
export function evidenceList(evidence) {
  if (!evidence || !evidence.length) return h('div', { class: 'ev-none' }, '无原文证据');
  return h('ul', { class: 'evidence' }, evidence.map((ev) =>
    h('li', { class: 'ev' },
      h('q', { class: 'ev-text' }, ev.text || '（无句子文本）'),
      h('div', { class: 'ev-meta' },
        docSource(ev),
        h('button', {
          class: 'link ev-open',
          title: '打开原文并定位到这句话',
          onclick: () => openDocument(ev.document, ev.start, ev.end, ev.text),
        }, '查看原文 ›')))));
}

/**
 * Shows an entity: attributes, aliases, relations grouped by predicate, and
 * the evidence of each relation. actions: extra buttons [{label, onclick}].
 * onEntity(id) is called when the analyst clicks a related entity.
 */
export async function showEntity(id, { actions = [], onEntity } = {}) {
  const body = h('div', { class: 'entity' }, loading());
  openPanel(body);
  let data;
  try {
    data = await api.entity(id);
  } catch (err) {
    mount(body, errorBox(err));
    return;
  }
  const e = data.entity || { id, name: nameOfId(id), type: typeOfId(id) };
  const rels = data.relations || {};
  const attrs = Object.entries(e.attrs || {});
  const groups = Object.entries(rels);
  mount(body,
    h('div', { class: 'entity-head' }, typeBadge(e.type), h('h2', { class: 'entity-name' }, e.name || nameOfId(e.id))),
    h('div', { class: 'entity-id' }, e.id),
    actions.length ? h('div', { class: 'actions' }, actions.map((a) => h('button', { class: 'btn small', onclick: a.onclick }, a.label))) : null,
    e.aliases && e.aliases.length ? h('div', { class: 'aliases' }, h('span', { class: 'label' }, '别名'), e.aliases.map((a) => h('span', { class: 'chip' }, a))) : null,
    attrs.length ? h('table', { class: 'attrs' }, attrs.map(([k, v]) => h('tr', null, h('th', null, k), h('td', null, typeof v === 'object' ? JSON.stringify(v) : String(v))))) : null,
    h('h3', null, '关系', h('span', { class: 'muted' }, ` ${groups.reduce((n, [, l]) => n + l.length, 0)} 条`)),
    groups.length ? groups.map(([pred, edges]) => relationGroup(pred, edges, onEntity)) : h('div', { class: 'muted' }, '没有关系'));
}

function relationGroup(pred, edges, onEntity) {
  const byDir = { out: [], in: [] };
  for (const e of edges) (e.direction === 'in' ? byDir.in : byDir.out).push(e);
  return Object.entries(byDir).filter(([, l]) => l.length).map(([dir, list]) =>
    h('section', { class: 'relgroup' },
      h('h4', null, predLabel(pred, dir), h('span', { class: 'muted' }, ` (${list.length})`)),
      list.map((e) => relationItem(pred, e, onEntity))));
}

function relationItem(pred, e, onEntity) {
  const other = e.other || (e.object ? { id: e.object, name: nameOfId(e.object), type: typeOfId(e.object) } : null);
  const target = other
    ? h('button', { class: 'link entity-link', title: '查看 ' + (other.name || other.id), onclick: () => (onEntity ? onEntity(other.id) : showEntity(other.id)) },
      typeBadge(other.type || typeOfId(other.id)), ' ', other.name || nameOfId(other.id))
    : h('span', { class: 'value' }, localName(pred) === 'stage' ? stageChip(e.value, e.planned) : String(e.value ?? ''));
  return h('div', { class: 'rel' + (e.inferred ? ' is-inferred' : '') },
    h('div', { class: 'rel-head' }, target,
      e.inferred != null || e.confidence != null ? fitBadge(e.inferred, e.confidence) : null,
      e.year ? h('span', { class: 'muted' }, ` ${e.year}年`) : null),
    evidenceList(e.evidence));
}

/** Shows an edge of the drawing: its two ends and its evidence. */
export function showEdge(edge, { nameOf = nameOfId, onEntity } = {}) {
  const end = (id) => h('button', { class: 'link entity-link', onclick: () => (onEntity ? onEntity(id) : showEntity(id)) },
    typeBadge(typeOfId(id)), ' ', nameOf(id));
  openPanel(h('div', { class: 'edge' },
    h('h2', { class: 'edge-title' }, end(edge.source), h('span', { class: 'pred' }, ' —', predLabel(edge.predicate), '→ '), end(edge.target)),
    edge.inferred != null || edge.confidence != null ? h('div', null, fitBadge(edge.inferred, edge.confidence)) : null,
    h('h3', null, '为什么有这条关系'),
    evidenceList(edge.evidence)));
}

/** Shows a project of the pipeline: owner, industries and the stage history with evidence. */
export function showProject(p, { onEntity } = {}) {
  const e = p.entity || {};
  openPanel(h('div', { class: 'project' },
    h('div', { class: 'entity-head' }, typeBadge('Project'), h('h2', { class: 'entity-name' }, e.name || nameOfId(e.id))),
    h('div', { class: 'actions' },
      h('button', { class: 'btn small', onclick: () => (onEntity ? onEntity(e.id) : showEntity(e.id)) }, '全部关系'),
      h('a', { class: 'btn small', href: '#/graph?seed=' + encodeURIComponent(e.id) }, '在图谱中查看')),
    p.owner ? h('div', { class: 'kv' }, h('span', { class: 'label' }, '业主'), ownerName(p.owner)) : null,
    p.industries && p.industries.length ? h('div', { class: 'kv' }, h('span', { class: 'label' }, '产业'), p.industries.map((i) => h('span', { class: 'chip' }, i.name || nameOfId(i.id)))) : null,
    h('div', { class: 'kv' }, h('span', { class: 'label' }, '最新阶段'), stageChip(p.stage, p.planned)),
    h('h3', null, '阶段历程'),
    (p.history || []).length
      ? h('ol', { class: 'history' }, p.history.map((s) => h('li', null,
        h('div', null, stageChip(s.stage, s.planned), s.year ? h('span', { class: 'muted' }, ` ${s.year}年`) : null, s.document ? h('span', { class: 'muted' }, ' · ' + s.document) : null),
        evidenceList(s.evidence))))
      : h('div', { class: 'muted' }, '没有阶段记录')));
}

export function ownerName(o) {
  if (!o) return '';
  if (typeof o === 'string') return nameOfId(o);
  return o.name || nameOfId(o.id);
}

// ---- document viewer ----

const docCache = new Map();

async function fetchDocument(id) {
  if (!docCache.has(id)) docCache.set(id, api.document(id).catch((err) => { docCache.delete(id); throw err; }));
  return docCache.get(id);
}

/** Forgets cached document texts (after an upload or a removal). */
export function forgetDocuments() {
  docCache.clear();
  titles = null;
}

export function closeDocument() {
  const v = document.getElementById('docviewer');
  v.hidden = true;
  v.replaceChildren();
}

/**
 * Opens the document text with the span [start, end) highlighted and scrolled
 * into view. Offsets count characters (code points), as the server stores
 * them; when they do not hold the evidence text, the text is searched instead.
 */
export async function openDocument(docId, start, end, text) {
  const v = document.getElementById('docviewer');
  const body = h('div', { class: 'doc-body' }, loading());
  const title = h('span', { class: 'doc-title' }, docId || '');
  mount(v,
    h('div', { class: 'doc-head' }, h('span', { class: 'badge type t-Document' }, '原文'), title,
      h('button', { class: 'icon', title: '关闭原文', 'aria-label': '关闭原文', onclick: closeDocument }, '×')),
    body);
  v.hidden = false;
  let doc;
  try {
    doc = await fetchDocument(docId);
  } catch (err) {
    mount(body, errorBox(err));
    return;
  }
  title.textContent = (doc.title || docId) + (doc.year ? `（${doc.year}）` : '');
  const chars = Array.from(doc.text || '');
  let s = Number(start), e = Number(end);
  if (!(s >= 0 && e > s && e <= chars.length) || (text && chars.slice(s, e).join('') !== text)) {
    const found = text ? locate(chars, text) : -1;
    if (found >= 0) { s = found; e = found + Array.from(text).length; } else if (!(s >= 0 && e > s)) { s = e = -1; }
  }
  const pre = h('div', { class: 'doc-text' });
  if (s >= 0) {
    const mark = h('mark', { class: 'hl', id: 'evidence-mark' }, chars.slice(s, e).join(''));
    pre.append(chars.slice(0, s).join(''), mark, chars.slice(e).join(''));
    mount(body, h('div', { class: 'doc-note' }, '高亮处即该关系的原文证据'), pre);
    mark.scrollIntoView({ block: 'center' });
  } else {
    pre.append(chars.join(''));
    const asked = start != null || text;
    mount(body, asked ? h('div', { class: 'doc-note warn' }, '未能在原文中定位这句话') : h('div', { class: 'doc-note' }, '全文'), pre);
  }
}

function locate(chars, text) {
  const i = chars.join('').indexOf(text);
  if (i < 0) return -1;
  return Array.from(chars.join('').slice(0, i)).length;
}
