// Chinese labels, colours and shapes of the ontology's types and predicates
// (shared/ontology.md). The CSS legend (app.css .t-*) uses the same colours.

export const TYPES = {
  Enterprise: { label: '企业', color: '#2563eb', shape: 'ellipse' },
  Organization: { label: '机构', color: '#0d9488', shape: 'diamond' },
  Project: { label: '项目', color: '#ea580c', shape: 'round-rectangle' },
  Product: { label: '产品', color: '#9333ea', shape: 'triangle' },
  Industry: { label: '产业', color: '#dc2626', shape: 'hexagon' },
  Place: { label: '地点', color: '#16a34a', shape: 'tag' },
  Document: { label: '文档', color: '#64748b', shape: 'rectangle' },
  Indicator: { label: '指标', color: '#ca8a04', shape: 'star' },
};

export const PREDICATES = {
  inIndustry: '所属产业',
  subIndustryOf: '上级产业',
  hasProject: '拥有项目',
  develops: '研发产品',
  stage: '项目阶段',
  locatedIn: '位于',
  partOf: '隶属',
  mentions: '提及',
};
// How an incoming relation reads from the object's side.
export const PREDICATES_IN = {
  inIndustry: '包含主体',
  subIndustryOf: '下级产业',
  hasProject: '项目业主',
  develops: '研发方',
  locatedIn: '所在主体',
  partOf: '下辖',
};

export const STAGES = ['签约', '立项', '拿地', '开工', '在建', '封顶', '竣工', '落地', '入驻', '投产', '运营', '扩产', '揭牌'];

export function typeLabel(t) {
  return (TYPES[t] && TYPES[t].label) || t || '未知';
}
export function predLabel(p, dir = 'out') {
  const local = localName(p);
  if (dir === 'in') return PREDICATES_IN[local] || '← ' + (PREDICATES[local] || local);
  return PREDICATES[local] || local;
}
/** The last part of an IRI-like predicate (<http://…/inIndustry> → inIndustry). */
export function localName(p) {
  if (!p) return '';
  const s = String(p).replace(/^<|>$/g, '');
  const i = Math.max(s.lastIndexOf('/'), s.lastIndexOf('#'));
  return i >= 0 ? s.slice(i + 1) : s;
}
/** The type of an id such as enterprise/京东方 when the answer did not say it. */
export function typeOfId(id) {
  const p = String(id || '').split('/')[0].toLowerCase();
  for (const t of Object.keys(TYPES)) if (t.toLowerCase() === p) return t;
  return '';
}
/** The display name of an id (enterprise/京东方 → 京东方). */
export function nameOfId(id) {
  const s = String(id || '');
  const i = s.indexOf('/');
  return i >= 0 ? s.slice(i + 1) : s;
}
