// 文档: the ingested documents, upload by drag and drop (with the API token),
// what each upload added, and removal.

import { h, mount, loading, errorBox, toast } from './dom.js';
import { api, getToken, setToken } from './api.js';
import { openDocument, forgetDocuments, typeBadge } from './evidence.js';
import { loadChains } from './chains.js';

export function leave() {}

export async function render(view) {
  const list = h('div', { class: 'doc-list' }, loading());
  const result = h('div', { class: 'upload-result', 'aria-live': 'polite' });
  const tokenInput = h('input', { type: 'password', class: 'token', id: 'token', placeholder: '写入令牌（服务器配置了令牌时需要）', value: getToken(), autocomplete: 'off',
    onchange: (ev) => setToken(ev.target.value.trim()) });
  const fileInput = h('input', { type: 'file', multiple: true, id: 'upload-file', accept: '.txt,.html,.htm,.docx,.pdf,.mht,.mhtml,.doc,text/plain,text/html', onchange: (ev) => upload(ev.target.files) });
  const drop = h('label', { class: 'dropzone', for: 'upload-file' },
    h('div', { class: 'drop-title' }, '把报告文件拖到这里，或点击选择文件'),
    h('span', { class: 'btn small drop-btn' }, '选择文件…'),
    h('div', { class: 'muted small' }, '支持 .txt / .html / .docx / .pdf，可一次上传多个'),
    fileInput);
  drop.addEventListener('dragover', (ev) => { ev.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (ev) => { ev.preventDefault(); drop.classList.remove('over'); upload(ev.dataTransfer.files); });

  mount(view, h('div', { class: 'documents' },
    h('section', { class: 'upload' },
      h('h1', { class: 'view-title' }, '上传文档'),
      h('form', { class: 'token-form', onsubmit: (ev) => ev.preventDefault() },
        h('label', { class: 'field' }, h('span', { class: 'label' }, '令牌'), tokenInput)),
      drop, result),
    h('section', { class: 'doclist' }, h('h1', { class: 'view-title' }, '已收录的文档'), list)));

  async function upload(files) {
    if (!files || !files.length) return;
    setToken(tokenInput.value.trim());
    mount(result, loading(`正在抽取 ${files.length} 个文件…`));
    try {
      const res = await api.upload([...files]);
      forgetDocuments();
      loadChains(true).catch(() => {});
      mount(result, h('div', { class: 'ok' }, '上传完成，新增：'), addedTable(res.added || []));
      toast('上传完成');
      refresh();
    } catch (err) {
      const hint = err.status === 401 ? '（令牌缺失或错误）' : err.status === 403 ? '（服务器未开启写入）' : '';
      mount(result, errorBox({ message: err.message + hint }));
    } finally {
      fileInput.value = '';
    }
  }

  async function refresh() {
    let docs;
    try {
      docs = (await api.documents()).items || [];
    } catch (err) {
      mount(list, errorBox(err));
      return;
    }
    if (!docs.length) { mount(list, h('div', { class: 'muted' }, '还没有文档。')); return; }
    mount(list, h('table', { class: 'grid' },
      h('thead', null, h('tr', null, ['标题', '年份', '来源', '实体', '关系', ''].map((t) => h('th', null, t)))),
      h('tbody', null, docs.map((d) => h('tr', { 'data-id': d.id },
        h('td', null, d.title || d.id), h('td', null, d.year ? String(d.year) : '—'), h('td', { class: 'small' }, d.source || '—'),
        h('td', null, String(d.entities ?? '—')), h('td', null, String(d.relations ?? '—')),
        h('td', { class: 'row-actions' },
          h('button', { class: 'link', onclick: () => openDocument(d.id) }, '原文'),
          h('button', { class: 'link', onclick: (ev) => showAdded(d.id, ev.currentTarget.closest('tr')) }, '实体'),
          h('button', { class: 'link danger', onclick: () => remove(d) }, '删除')))))));
  }

  async function remove(d) {
    if (!confirm(`确定删除“${d.title || d.id}”及其抽取的全部事实？`)) return;
    setToken(tokenInput.value.trim());
    try {
      await api.removeDocument(d.id);
      forgetDocuments();
      loadChains(true).catch(() => {});
      toast('已删除');
      refresh();
    } catch (err) {
      toast('删除失败：' + err.message + (err.status === 401 ? '（令牌缺失或错误）' : ''), 'error');
    }
  }
  await refresh();
}

function addedTable(added) {
  return h('ul', { class: 'added' }, added.map((a) => {
    const box = h('div', { class: 'doc-added', hidden: true });
    return h('li', null,
      h('div', { class: 'added-title' }, a.title || a.id, a.year ? `（${a.year}）` : ''),
      h('div', { class: 'muted small' }, `实体 ${a.entities ?? '—'} · 关系 ${a.relations ?? '—'} · 指标 ${a.indicators ?? '—'} · 四元组 ${a.quads ?? '—'}`),
      h('button', { class: 'link small', onclick: () => { box.hidden = !box.hidden; if (!box.hidden) listEntities(a.id, box); } }, '查看新增实体'),
      box);
  }));
}

async function listEntities(docId, box) {
  mount(box, loading());
  try {
    const items = (await api.entities({ document: docId, limit: 500 })).items || [];
    mount(box, items.length
      ? h('div', { class: 'entity-chips' }, items.map((e) => h('a', { class: 'chip', href: '#/graph?seed=' + encodeURIComponent(e.id) }, typeBadge(e.type), ' ', e.name)))
      : h('span', { class: 'muted' }, '没有实体'));
  } catch (err) {
    mount(box, errorBox(err));
  }
}

// Lists a document's entities under its row: what the document added.
async function showAdded(docId, row) {
  const next = row.nextElementSibling;
  if (next && next.classList.contains('added-row')) { next.remove(); return; }
  const cell = h('td', { colspan: 6 });
  row.after(h('tr', { class: 'added-row' }, cell));
  await listEntities(docId, cell);
}
