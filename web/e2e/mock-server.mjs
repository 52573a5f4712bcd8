// A stand-in for `kg serve` built from shared/corpus/etown-2022.gold.json, so
// that the UI can be developed and its e2e test exercised before (or without)
// the Go server. It follows docs/api.md loosely; the real server is the truth.
//
//   node mock-server.mjs [--port 8090] [--ui ../ui/dist] [--token TEST]
import http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };
const port = Number(arg('--port', 8090));
const uiDir = arg('--ui', join(here, '../ui/dist'));
const token = arg('--token', 'TEST');
const corpus = arg('--corpus', join(here, '../../../shared/corpus'));

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const TAXONOMY = {
  集成电路: '新一代信息技术', 显示: '新一代信息技术', 物联网: '新一代信息技术', '5G': '新一代信息技术',
  细胞基因治疗: '生物技术和大健康', CDMO: '生物技术和大健康', 生物药: '生物技术和大健康', 医疗器械: '生物技术和大健康', 疫苗: '生物技术和大健康',
  氢能: '新能源智能汽车', 智能网联汽车: '新能源智能汽车', 新能源汽车: '新能源智能汽车',
  工业机器人: '机器人和智能制造', 智能装备: '机器人和智能制造', 无人机: '机器人和智能制造', 商业航天: '机器人和智能制造',
};

const store = { docs: new Map(), ents: new Map(), rels: [] };
const idOf = (type, name) => type.toLowerCase() + '/' + name;
const cp = (s) => Array.from(s);

function sentences(text) {
  const out = [];
  const chars = cp(text);
  let start = 0;
  for (let i = 0; i < chars.length; i++) {
    if ('。！？；\n'.includes(chars[i])) {
      if (i + 1 - start > 1) out.push({ start, end: i + 1, text: chars.slice(start, i + 1).join('') });
      start = i + 1;
    }
  }
  if (start < chars.length) out.push({ start, end: chars.length, text: chars.slice(start).join('') });
  return out.map((s) => ({ ...s, text: s.text.replace(/^\s+/, '') , start: s.start + (s.text.length - s.text.replace(/^\s+/, '').length) }));
}

function addEntity(type, name, aliases = []) {
  const id = idOf(type, name);
  if (!store.ents.has(id)) store.ents.set(id, { id, type, name, aliases, attrs: {}, docs: new Set() });
  return store.ents.get(id);
}

function evidenceFor(doc, names) {
  const sents = doc.sentences;
  for (let i = 0; i < sents.length; i++) {
    if (names.every((n) => n.some((x) => sents[i].text.includes(x)))) return [{ document: doc.id, sentence: i, start: sents[i].start, end: sents[i].end, text: sents[i].text }];
  }
  for (let i = 0; i < sents.length; i++) {
    if (names[0].some((x) => sents[i].text.includes(x))) return [{ document: doc.id, sentence: i, start: sents[i].start, end: sents[i].end, text: sents[i].text }];
  }
  return [];
}

function loadDoc(id, title, year, text, entities, relations) {
  const doc = { id, title, year, source: id + '.txt', text, sentences: sentences(text), entities: 0, relations: 0 };
  store.docs.set(id, doc);
  const byName = new Map();
  for (const [type, name, aliases] of entities) { const e = addEntity(type, name, aliases); e.docs.add(id); byName.set(name, e); }
  let n = 0;
  for (const [s, p, o] of relations) {
    const se = byName.get(s);
    if (!se) continue;
    const names = (e) => [e.name, ...e.aliases];
    if (p === 'stage') {
      store.rels.push({ subject: se.id, predicate: p, value: o, planned: false, year, evidence: evidenceFor(doc, [names(se)]), doc: id });
    } else {
      const oe = byName.get(o);
      if (!oe) continue;
      const inferred = p === 'inIndustry' && se.type === 'Enterprise' && evidenceFor(doc, [names(se), names(oe)]).length === 0;
      store.rels.push({ subject: se.id, predicate: p, object: oe.id, year, inferred, confidence: inferred ? 0.6 : 0.9, evidence: evidenceFor(doc, [names(se), names(oe)]), doc: id });
    }
    n++;
  }
  for (const [child, parent] of Object.entries(TAXONOMY)) {
    const c = idOf('Industry', child), p = idOf('Industry', parent);
    if (store.ents.has(c) && store.ents.has(p) && !store.rels.some((r) => r.subject === c && r.predicate === 'subIndustryOf')) store.rels.push({ subject: c, predicate: 'subIndustryOf', object: p, evidence: [], doc: id });
  }
  doc.entities = entities.length;
  doc.relations = n;
  return doc;
}

{
  const gold = JSON.parse(readFileSync(join(corpus, 'etown-2022.gold.json'), 'utf8'));
  const text = readFileSync(join(corpus, 'etown-2022.txt'), 'utf8');
  loadDoc('etown-2022', text.split('\n')[0].trim() || '北京经济技术开发区 2022 年度工作总结', 2022, text, gold.entities, gold.relations);
}

// A toy extractor for uploads: firms are names followed by a company suffix.
function extractUpload(name, text) {
  const id = name.replace(/\.[^.]+$/, '').replace(/[^\w\u4e00-\u9fa5-]/g, '_');
  const year = Number((text.match(/(20\d\d)\s*年/) || [])[1]) || null;
  const ents = [];
  const seen = new Set();
  for (const m of text.matchAll(/([\u4e00-\u9fa5A-Za-z0-9]{2,8}?)(科技|集团|生物|半导体|药业)(有限公司)?/g)) {
    const n = m[1] + m[2];
    if (!seen.has(n)) { seen.add(n); ents.push(['Enterprise', n, []]); }
  }
  const rels = [];
  for (const [ind] of Object.entries({ ...TAXONOMY, 新一代信息技术: 1, 生物技术和大健康: 1 })) {
    if (text.includes(ind)) { ents.push(['Industry', ind, []]); for (const e of ents.filter((x) => x[0] === 'Enterprise')) rels.push([e[1], 'inIndustry', ind]); }
  }
  return loadDoc(id, text.split('\n')[0].trim().slice(0, 60), year, text, ents, rels);
}

const entityOut = (e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, attrs: e.attrs });
const nodeOut = (e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, degree: store.rels.filter((r) => r.subject === e.id || r.object === e.id).length });
const childrenOf = (id) => store.rels.filter((r) => r.predicate === 'subIndustryOf' && r.object === id).map((r) => r.subject);
const subtree = (id) => [id, ...childrenOf(id).flatMap(subtree)];

function chainNode(id, level) {
  const ids = new Set(subtree(id));
  const firms = new Set(store.rels.filter((r) => r.predicate === 'inIndustry' && ids.has(r.object) && store.ents.get(r.subject).type === 'Enterprise').map((r) => r.subject));
  const projects = new Set(store.rels.filter((r) => r.predicate === 'inIndustry' && ids.has(r.object) && store.ents.get(r.subject).type === 'Project').map((r) => r.subject));
  const e = store.ents.get(id);
  return { id, name: e.name, level, firms: firms.size, projects: projects.size, children: childrenOf(id).map((c) => chainNode(c, level + 1)) };
}

function projectsOf(firm) {
  return store.rels.filter((r) => r.subject === firm && r.predicate === 'hasProject').map((r) => {
    const st = store.rels.find((x) => x.subject === r.object && x.predicate === 'stage');
    return { entity: entityOut(store.ents.get(r.object)), stage: st && st.value, planned: st && st.planned, stageEvidence: st ? st.evidence : [] };
  });
}

function graph(seed, hops, limit = 500) {
  const nodes = new Set([seed]);
  let frontier = [seed];
  for (let h = 0; h < hops; h++) {
    const next = [];
    for (const r of store.rels) {
      if (!r.object) continue;
      for (const [a, b] of [[r.subject, r.object], [r.object, r.subject]]) if (frontier.includes(a) && !nodes.has(b)) { nodes.add(b); next.push(b); }
    }
    frontier = next;
  }
  const list = [...nodes].slice(0, limit);
  const set = new Set(list);
  const edges = store.rels.filter((r) => r.object && set.has(r.subject) && set.has(r.object)).map((r) => ({ id: `${r.subject}|${r.predicate}|${r.object}`, source: r.subject, target: r.object, predicate: r.predicate, evidence: r.evidence, inferred: r.inferred, confidence: r.confidence }));
  return { nodes: list.map((id) => nodeOut(store.ents.get(id))), edges, truncated: nodes.size > limit };
}

const xml = (s) => String(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' }[c]));
function graphml(g) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="label" for="node" attr.name="label" attr.type="string"/>\n<key id="type" for="node" attr.name="type" attr.type="string"/>\n<key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>\n<graph edgedefault="directed">\n` +
    g.nodes.map((n) => `<node id="${xml(n.id)}"><data key="label">${xml(n.name)}</data><data key="type">${xml(n.type)}</data></node>`).join('\n') + '\n' +
    g.edges.map((e) => `<edge source="${xml(e.source)}" target="${xml(e.target)}"><data key="predicate">${xml(e.predicate)}</data></edge>`).join('\n') + '\n</graph>\n</graphml>\n';
}

function send(res, status, body, headers = {}) {
  const json = typeof body !== 'string' && !Buffer.isBuffer(body);
  res.writeHead(status, { 'Content-Type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(json ? JSON.stringify(body) : body);
}
const fail = (res, status, code, message) => send(res, status, { error: { code, message } });

function parseMultipart(buf, ctype) {
  const b = '--' + /boundary=("?)([^";]+)\1/.exec(ctype)[2];
  const parts = buf.toString('latin1').split(b).slice(1, -1);
  return parts.map((p) => {
    const [head, ...rest] = p.split('\r\n\r\n');
    const body = rest.join('\r\n\r\n').replace(/\r\n$/, '');
    return { name: (/name="([^"]*)"/.exec(head) || [])[1], filename: Buffer.from((/filename="([^"]*)"/.exec(head) || [])[1] || '', 'latin1').toString('utf8'), data: Buffer.from(body, 'latin1') };
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };

const server = http.createServer(async (req, res) => {
  const u = new URL(req.url, 'http://x');
  const p = decodeURIComponent(u.pathname);
  const q = (k) => u.searchParams.get(k) || '';
  if (p === '/readyz' || p === '/healthz') return send(res, 200, 'ok');
  if (!p.startsWith('/api/v1/')) {
    const f = join(uiDir, p === '/' ? 'index.html' : p);
    if (!f.startsWith(uiDir) || !existsSync(f)) return send(res, 404, 'not found');
    return send(res, 200, readFileSync(f), { 'Content-Type': TYPES[extname(f)] || 'application/octet-stream', 'Content-Security-Policy': CSP });
  }
  const r = p.slice('/api/v1/'.length);
  let m;
  if (r === 'chains') {
    const roots = [...store.ents.values()].filter((e) => e.type === 'Industry' && !store.rels.some((x) => x.predicate === 'subIndustryOf' && x.subject === e.id));
    return send(res, 200, { chains: roots.map((e) => chainNode(e.id, 0)).filter((c) => c.firms || c.children.length).sort((a, b) => b.firms - a.firms) });
  }
  if ((m = /^chains\/(.+)\/firms$/.exec(r))) {
    const id = m[1];
    const e = store.ents.get(id);
    if (!e) return fail(res, 404, 'not_found', 'unknown chain ' + id);
    const ids = new Set(subtree(id));
    const firms = store.rels.filter((x) => x.predicate === 'inIndustry' && ids.has(x.object) && store.ents.get(x.subject).type === 'Enterprise' && (q('inferred') !== 'false' || !x.inferred))
      .map((x) => ({ entity: entityOut(store.ents.get(x.subject)), segment: x.object !== id ? { id: x.object, name: store.ents.get(x.object).name } : undefined, chain: { id, name: e.name }, confidence: x.confidence, inferred: x.inferred, evidence: x.evidence, projects: projectsOf(x.subject) }))
      .sort((a, b) => (a.inferred - b.inferred) || (b.confidence - a.confidence) || (b.projects.length - a.projects.length));
    return send(res, 200, { chain: { id, name: e.name }, firms });
  }
  if (r === 'entities') {
    const needle = q('q').toLowerCase();
    let items = [...store.ents.values()].filter((e) => (!needle || [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(needle))) && (!q('type') || e.type === q('type')) && (!q('document') || e.docs.has(q('document'))));
    if (q('industry')) { const ids = new Set(subtree(q('industry'))); items = items.filter((e) => store.rels.some((x) => x.subject === e.id && x.predicate === 'inIndustry' && ids.has(x.object))); }
    if (q('stage')) items = items.filter((e) => store.rels.some((x) => x.subject === e.id && x.predicate === 'stage' && x.value === q('stage')));
    items.sort((a, b) => (a.name === q('q') ? -1 : 0) - (b.name === q('q') ? -1 : 0) || a.name.length - b.name.length);
    return send(res, 200, { items: items.slice(0, Number(q('limit')) || 20).map(entityOut), next_cursor: '' });
  }
  if ((m = /^entities\/(.+)$/.exec(r))) {
    const e = store.ents.get(m[1]);
    if (!e) return fail(res, 404, 'not_found', 'unknown entity');
    const relations = {};
    for (const x of store.rels) {
      let dir = x.subject === e.id ? 'out' : x.object === e.id ? 'in' : '';
      if (!dir) continue;
      const oid = dir === 'out' ? x.object : x.subject;
      const o = oid && store.ents.get(oid);
      (relations[x.predicate] ||= []).push({ subject: x.subject, predicate: x.predicate, object: x.object, value: x.value, planned: x.planned, confidence: x.confidence, inferred: x.inferred, year: x.year, evidence: x.evidence, direction: dir, other: o ? { id: o.id, type: o.type, name: o.name } : undefined });
    }
    return send(res, 200, { entity: entityOut(e), relations });
  }
  if (r === 'graph') {
    if (!store.ents.has(q('seed'))) return fail(res, 404, 'not_found', 'unknown seed');
    return send(res, 200, graph(q('seed'), Number(q('hops')) || 1, Number(q('limit')) || 500));
  }
  if (r === 'projects') {
    const projects = [...store.ents.values()].filter((e) => e.type === 'Project').map((e) => {
      const st = store.rels.filter((x) => x.subject === e.id && x.predicate === 'stage');
      const owner = store.rels.find((x) => x.object === e.id && x.predicate === 'hasProject');
      const last = st[st.length - 1];
      return { entity: entityOut(e), owner: owner ? entityOut(store.ents.get(owner.subject)) : undefined, stage: last && last.value, planned: !!(last && last.planned), year: last && last.year,
        history: st.map((x) => ({ stage: x.value, year: x.year, document: x.doc, planned: x.planned, evidence: x.evidence })),
        industries: store.rels.filter((x) => x.subject === e.id && x.predicate === 'inIndustry').map((x) => ({ id: x.object, name: store.ents.get(x.object).name })) };
    }).filter((p) => (!q('stage') || p.stage === q('stage')) && (!q('year') || String(p.year) === q('year')) && (!q('industry') || p.industries.some((i) => subtree(q('industry')).includes(i.id))));
    return send(res, 200, { stages: ['签约', '立项', '拿地', '开工', '在建', '封顶', '竣工', '落地', '入驻', '投产', '运营', '扩产', '揭牌'], projects });
  }
  if (r === 'export') {
    const g = q('chain') ? graph(q('chain'), 3) : q('seed') ? graph(q('seed'), Number(q('hops')) || 1) : { nodes: [...store.ents.values()].map(nodeOut), edges: [] };
    const fmt = q('format') || 'graphml';
    const body = fmt === 'graphml' ? graphml(g) : JSON.stringify(g);
    return send(res, 200, body, { 'Content-Type': fmt === 'graphml' ? 'application/xml' : 'application/octet-stream', 'Content-Disposition': `attachment; filename="kg-export.${fmt}"` });
  }
  if (r === 'documents' && req.method === 'GET') return send(res, 200, { items: [...store.docs.values()].map(({ id, title, year, source, entities, relations }) => ({ id, title, year, source, entities, relations })) });
  if (r === 'documents' && req.method === 'POST') {
    if (req.headers.authorization !== 'Bearer ' + token) return fail(res, 401, 'unauthorized', 'token required');
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const added = parseMultipart(Buffer.concat(chunks), req.headers['content-type']).filter((x) => x.name === 'file').map((f) => {
      const d = extractUpload(f.filename, f.data.toString('utf8'));
      return { id: d.id, title: d.title, year: d.year, quads: d.relations * 2, entities: d.entities, relations: d.relations, indicators: 0 };
    });
    return send(res, 200, { added });
  }
  if ((m = /^documents\/(.+)$/.exec(r))) {
    const d = store.docs.get(m[1]);
    if (!d) return fail(res, 404, 'not_found', 'unknown document');
    if (req.method === 'DELETE') {
      if (req.headers.authorization !== 'Bearer ' + token) return fail(res, 401, 'unauthorized', 'token required');
      store.docs.delete(d.id);
      store.rels = store.rels.filter((x) => x.doc !== d.id);
      return send(res, 200, { removed: d.id });
    }
    return send(res, 200, { id: d.id, title: d.title, year: d.year, source: d.source, text: d.text, sentences: d.sentences.map(({ start, end }) => ({ start, end })) });
  }
  if (r === 'query') return send(res, 200, { result: [{ id: '<enterprise/京东方>' }] });
  return fail(res, 404, 'not_found', 'no route');
});
server.listen(port, '127.0.0.1', () => console.log(`mock kg on http://127.0.0.1:${port}`));
