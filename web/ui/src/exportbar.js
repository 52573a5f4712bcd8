// Export controls: the graph data through GET /export, and pictures of the drawing.

import { h, saveBlob, toast } from './dom.js';
import { api } from './api.js';
import { pngBlob, svgBlob } from './graph.js';

export const FORMATS = [
  ['graphml', 'GraphML'], ['gexf', 'GEXF'], ['csv', 'CSV (zip)'], ['jsonld', 'JSON-LD'], ['nquads', 'N-Quads'], ['dot', 'DOT'],
];

/**
 * exportBar({params: () => ({seed, hops} | {chain}) | null, cy: () => cy, name})
 * params returns null when there is nothing to export yet.
 */
export function exportBar({ params, cy, name = 'kg' }) {
  const sel = h('select', { class: 'export-format', 'aria-label': '导出格式' }, FORMATS.map(([v, l]) => h('option', { value: v }, l)));
  const dataBtn = h('button', { class: 'btn small export-data', onclick: () => {
    const p = params();
    if (!p) { toast('请先选择要导出的内容'); return; }
    const a = h('a', { href: api.exportUrl({ ...p, format: sel.value }), download: '', class: 'hidden-link' });
    document.body.appendChild(a);
    a.click();
    a.remove();
  } }, '导出数据');
  const picture = (kind) => async () => {
    const c = cy();
    if (!c || c.elements().empty()) { toast('画面中没有内容'); return; }
    // The picture is of the graph, not of the analyst's current selection.
    const selected = c.$(':selected');
    selected.unselect();
    try {
      saveBlob(kind === 'png' ? await pngBlob(c) : svgBlob(c), `${name}.${kind}`);
    } catch (err) {
      toast('导出图片失败：' + err.message, 'error');
    } finally {
      selected.select();
    }
  };
  return h('div', { class: 'exportbar', role: 'group', 'aria-label': '导出' },
    h('span', { class: 'label' }, '导出'), sel, dataBtn,
    h('button', { class: 'btn small export-png', onclick: picture('png') }, 'PNG'),
    h('button', { class: 'btn small export-svg', onclick: picture('svg') }, 'SVG'));
}
