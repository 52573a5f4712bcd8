// End-to-end test of the browser UI against a running `kg serve`:
//   KG_E2E_URL=http://127.0.0.1:8089 KG_E2E_TOKEN=TEST node run.mjs
// Drives Debian's chromium with playwright-core, saves a screenshot of each
// view under KG_E2E_ARTIFACTS (default /tmp/kg-e2e), prints the figures of
// the 2,000-node drawing, and exits non-zero when a check fails.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.KG_E2E_URL || 'http://127.0.0.1:8089').replace(/\/$/, '');
const ART = process.env.KG_E2E_ARTIFACTS || '/tmp/kg-e2e';
const TOKEN = process.env.KG_E2E_TOKEN || 'TEST';
const CHROMIUM = process.env.KG_E2E_CHROMIUM || '/usr/bin/chromium';
const PERF_NODES = Number(process.env.KG_E2E_PERF_NODES || 2000);
const UPLOAD = join(here, 'testdata/hanshan-2023.txt');
const UPLOAD_FIRM = '青岚半导体';
// The bundled sample; uploaded first when the server starts with an empty store.
const SAMPLE = process.env.KG_E2E_SAMPLE || join(here, '../../../shared/corpus/etown-2022.txt');

mkdirSync(ART, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'kg-e2e-chromium-'));
const failures = [];
const figures = {};

function check(cond, what) {
  if (!cond) throw new Error('check failed: ' + what);
}

const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  acceptDownloads: true,
  viewport: { width: 1440, height: 900 },
  locale: 'zh-CN',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = ctx.pages()[0] || await ctx.newPage();
page.setDefaultTimeout(30000); // generous: CI runs this beside the other packages' tests
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') pageErrors.push('console: ' + m.text()); });
// The page must work offline: every request goes to the server itself.
const foreign = [];
page.on('request', (r) => {
  const u = r.url();
  if (!u.startsWith(BASE) && !/^(data|blob|about):/.test(u)) foreign.push(u);
});
// Content-Security-Policy violations, reported by the page itself.
await page.addInitScript(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
});

// lap('what') prints the time since the previous lap when KG_E2E_VERBOSE is set.
let lapT = Date.now();
function lap(what) {
  if (process.env.KG_E2E_VERBOSE) console.log(`       ${what}: ${Date.now() - lapT} ms`);
  lapT = Date.now();
}

// KG_E2E_STEPS=perf-2000-nodes,chains runs only those steps (and server-ready).
const only = (process.env.KG_E2E_STEPS || '').split(',').filter(Boolean);

async function step(name, fn) {
  if (only.length && name !== 'server-ready' && !only.includes(name)) return;
  lapT = Date.now();
  const t0 = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    failures.push(name);
    console.log(`FAIL ${name}: ${err.message.split('\n')[0]}`);
    await page.screenshot({ path: join(ART, `fail-${name}.png`) }).catch(() => {});
  }
}
const shot = (name) => page.screenshot({ path: join(ART, name + '.png') });
const go = async (hash) => {
  await page.goto(BASE + '/' + hash);
  await page.waitForLoadState('domcontentloaded');
};

// Clicks a cytoscape element by its position on the screen (a real click).
async function clickGraph(selectorFn) {
  const pos = await page.evaluate(selectorFn);
  check(pos, 'element to click exists');
  await page.mouse.click(pos.x, pos.y);
}

await step('server-ready', async () => {
  const res = await page.request.get(BASE + '/readyz');
  check(res.ok(), '/readyz answers 200');
  const docs = await (await page.request.get(BASE + '/api/v1/documents')).json();
  if (!(docs.items || []).length) {
    console.log('     the store is empty: uploading the sample ' + SAMPLE);
    const up = await page.request.post(BASE + '/api/v1/documents', {
      headers: { Authorization: 'Bearer ' + TOKEN },
      multipart: { file: { name: 'etown-2022.txt', mimeType: 'text/plain', buffer: readFileSync(SAMPLE) } },
    });
    check(up.ok(), `sample upload answers ${up.status()}: ${await up.text()}`);
  }
});

await step('chains', async () => {
  await go('#/chains');
  await page.locator('.tree-node').first().waitFor();
  await shot('01-chains-landing');
  await page.locator('.tree-node', { has: page.locator('.tree-name', { hasText: /^新一代信息技术$/ }) }).first().click();
  await page.locator('.firm-name', { hasText: /^京东方$/ }).first().waitFor();
  await page.waitForTimeout(600); // the small graph's layout
  await shot('02-chains-新一代信息技术');
});

// A long answer comes a page at a time: with pages of 2 firms (the server's
// default is 500), the chain view of the largest chain says how many it shows of how many, and
// its button fetches the next page until all are shown, in the server's order.
await step('chains-paging', async () => {
  const asked = [];
  await page.route('**/api/v1/chains/*/firms?*', (route) => {
    const u = new URL(route.request().url());
    u.searchParams.set('limit', '2');
    asked.push(u.searchParams.get('view') + ' ' + (u.searchParams.get('offset') || '0'));
    route.continue({ url: u.toString() });
  });
  try {
    // The chain with the most firms (the tree lists it first).
    const chain = (await (await page.request.get(BASE + '/api/v1/chains')).json()).chains[0];
    await go('#/chains?id=' + encodeURIComponent(chain.id));
    await page.locator('.firm').first().waitFor();
    const all = await (await page.request.get(BASE + '/api/v1/chains/' + encodeURIComponent(chain.id) + '/firms')).json();
    check(all.total > 4, `${chain.name} has ${all.total} firms, enough to page`);
    check((await page.locator('.firm').count()) === 2, 'the first page shows 2 firms');
    check((await page.locator('.chain-head').textContent()).includes(`适配企业 ${all.total} 家，已显示前 2 家`), 'the head says 2 of all are shown');
    while (await page.locator('.more-firms').count()) {
      const n = await page.locator('.firm').count();
      await page.locator('.more-firms').click();
      await page.waitForFunction((n) => document.querySelectorAll('.firm').length > n, n);
    }
    const shown = await page.locator('.firm').evaluateAll((cards) => cards.map((c) => c.dataset.id));
    check(shown.length === all.total, `all ${all.total} firms shown after paging (${shown.length})`);
    check(new Set(shown).size === shown.length && all.firms.every((f) => shown.includes(f.entity.id)), 'each firm once, none missing');
    check(asked.every((a) => a.startsWith('brief ')), `every page asked brief: ${asked.join(', ')}`);
    check(!(await page.locator('.chain-head').textContent()).includes('已显示前'), 'the head no longer says part is shown');
    await shot('02b-chains-paged');
  } finally {
    await page.unroute('**/api/v1/chains/*/firms?*');
  }
});

// The newcomer's path: which firms fit 生物技术和大健康, and why one of them.
await step('newcomer-path', async () => {
  await go('#/chains');
  const t0 = Date.now();
  await page.locator('.chain-card, .tree-node', { hasText: '生物技术和大健康' }).first().click();
  await page.locator('.firm').first().waitFor();
  const firm = await page.locator('.firm-name').first().textContent();
  await page.locator('.firm .ev-open').first().click();
  await page.locator('mark#evidence-mark').waitFor();
  const ev = await page.locator('.firm .ev-text').first().textContent();
  const marked = await page.locator('mark#evidence-mark').textContent();
  check(marked === ev, `highlight "${marked}" equals the evidence "${ev}"`);
  figures.newcomerClicks = 2;
  figures.newcomerMs = Date.now() - t0;
  console.log(`     生物技术和大健康 → ${firm}: evidence in 2 clicks`);
  await shot('03-chains-生物技术和大健康-evidence');
});

await step('explorer-search-expand-evidence', async () => {
  await go('#/graph');
  await page.fill('#graph-search', '京东方');
  const first = page.locator('.explorer .suggest-item').first();
  await first.waitFor();
  check((await first.locator('.suggest-name').textContent()) === '京东方', 'first suggestion is 京东方');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.kgDebug && window.kgDebug.cy().nodes().length > 1);
  await page.locator('#panel .entity-name', { hasText: /^京东方$/ }).waitFor();
  await page.locator('#graph-canvas:not([data-busy])').waitFor();
  lap('search, seed drawn');
  const before = await page.evaluate(() => window.kgDebug.cy().nodes().length);
  // Expand a neighbour of the seed by clicking it (twice at most: a click
  // can land while the drawing still settles).
  for (let attempt = 0; attempt < 2; attempt++) {
    const target = await page.evaluate(() => {
      const cy = window.kgDebug.cy();
      const n = cy.nodes().filter((x) => !x.data('seed')).sort((a, b) => (b.data('degree') || 0) - (a.data('degree') || 0))[0];
      if (!n) return null;
      const box = cy.container().getBoundingClientRect();
      const p = n.renderedPosition();
      return { name: n.data('name'), x: box.left + p.x, y: box.top + p.y };
    });
    check(target, 'the seed has a neighbour');
    await page.mouse.click(target.x, target.y);
    await page.waitForTimeout(100);
    await page.locator('#graph-canvas:not([data-busy])').waitFor();
    const opened = await page.locator('#panel .entity-name', { hasText: target.name }).waitFor({ timeout: 5000 }).then(() => true, () => false);
    const grew = opened && await page.waitForFunction((n) => window.kgDebug.cy().nodes().length > n, before, { timeout: 10000 }).then(() => true, () => false);
    if (grew) break;
    console.log(`     click on ${target.name} ${opened ? 'added no node' : 'missed'}; ${attempt ? 'giving up' : 'again'}`);
    await page.waitForTimeout(1000);
  }
  await page.waitForTimeout(1000);
  lap('neighbour expanded');
  const after = await page.evaluate(() => window.kgDebug.cy().nodes().length);
  console.log(`     nodes: ${before} → ${after} after expanding`);
  check(after > before, 'expanding a neighbour adds its own neighbours');
  await shot('04-graph-京东方-expanded');
  // An edge's evidence: select an edge with evidence through the graph.
  const edgeId = await page.evaluate(() => {
    const cy = window.kgDebug.cy();
    const e = cy.edges().filter((x) => (x.data('evidence') || []).length > 0)[0];
    if (!e) return null;
    cy.fit(e.connectedNodes(), 150);
    return e.id();
  });
  check(edgeId, 'an edge with evidence is on screen');
  await page.waitForTimeout(300);
  // A real click on the edge's midpoint; emitting the tap is the fallback
  // when a label or node happens to lie on top of it.
  await clickGraph(() => {
    const cy = window.kgDebug.cy();
    const e = cy.edges().filter((x) => (x.data('evidence') || []).length > 0)[0];
    const box = cy.container().getBoundingClientRect();
    const p = e.renderedMidpoint();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  const viaClick = await page.locator('#panel .edge .ev-text').first().waitFor({ timeout: 3000 }).then(() => true, () => false);
  if (!viaClick) {
    // (returns nothing: a cytoscape collection would be serialized whole)
    await page.evaluate((id) => { window.kgDebug.cy().getElementById(id).emit('tap'); }, edgeId);
    await page.locator('#panel .edge .ev-text').first().waitFor();
  }
  lap('edge evidence shown');
  console.log(`     edge evidence opened by ${viaClick ? 'a click on the edge' : 'an emitted tap'}`);
  const ev = await page.locator('#panel .edge .ev-text').first().textContent();
  await page.locator('#panel .edge .ev-open').first().click();
  await page.locator('mark#evidence-mark').waitFor();
  const marked = await page.locator('mark#evidence-mark').textContent();
  check(marked === ev, `highlight "${marked}" equals the edge's evidence "${ev}"`);
  await page.waitForTimeout(300);
  await shot('05-graph-edge-evidence');
  await page.keyboard.press('Escape');
});

await step('explorer-legend-filter-remove', async () => {
  // Still on the explorer, 京东方 expanded.
  const count = () => page.evaluate(() => {
    const cy = window.kgDebug.cy();
    return { all: cy.nodes().length, projects: cy.nodes('[type = "Project"]').not('.hidden').length, shown: cy.nodes().not('.hidden').length };
  });
  const before = await count();
  check(before.projects > 0, 'projects are drawn');
  await page.click('.legend-item[data-type=Project]');
  const hidden = await count();
  check(hidden.projects === 0 && hidden.shown < before.shown, 'the legend hides projects');
  await page.click('.legend-item[data-type=Project]');
  check((await count()).shown === before.shown, 'and shows them again');
  await page.evaluate(() => { const cy = window.kgDebug.cy(); cy.$(':selected').unselect(); cy.nodes('[type = "Project"]').first().select(); });
  await page.click('button:has-text("移除所选")');
  check((await count()).all === before.all - 1, 'remove from view takes the selected node away');
  await page.keyboard.press('Escape');
});

await step('export-graphml', async () => {
  // Still on the explorer with 京东方 as the seed.
  await page.selectOption('.graph-foot .export-format', 'graphml');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('.graph-foot .export-data')]);
  const file = join(ART, dl.suggestedFilename() || 'export.graphml');
  await dl.saveAs(file);
  const text = readFileSync(file, 'utf8');
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length) return { error: doc.getElementsByTagName('parsererror')[0].textContent };
    return { root: doc.documentElement.localName, nodes: doc.getElementsByTagNameNS('*', 'node').length, edges: doc.getElementsByTagNameNS('*', 'edge').length, hasJDF: t.includes('京东方') };
  }, text);
  console.log(`     ${dl.suggestedFilename()}: ${JSON.stringify(parsed)}`);
  check(!parsed.error, 'GraphML parses as XML: ' + parsed.error);
  check(parsed.root === 'graphml' && parsed.nodes > 0, 'a graphml root with nodes');
  check(parsed.hasJDF, 'the export holds 京东方');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('.graph-foot .export-png')]);
  await png.saveAs(join(ART, 'graph.png'));
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('.graph-foot .export-svg')]);
  await svg.saveAs(join(ART, 'graph.svg'));
  check(readFileSync(join(ART, 'graph.svg'), 'utf8').includes('<svg'), 'the SVG picture is SVG');
});

await step('export-chain-all-formats', async () => {
  await go('#/chains');
  await page.locator('.chain-card, .tree-node', { hasText: '生物技术和大健康' }).first().click();
  await page.locator('.firm').first().waitFor();
  const got = [];
  for (const fmt of ['graphml', 'gexf', 'csv', 'jsonld', 'nquads', 'dot']) {
    await page.selectOption('.chain-head .export-format', fmt);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('.chain-head .export-data')]);
    const file = join(ART, 'chain-' + fmt + '-' + (dl.suggestedFilename() || 'export'));
    await dl.saveAs(file);
    const bytes = readFileSync(file);
    check(bytes.length > 0, `${fmt} export is not empty`);
    if (fmt === 'csv') check(bytes[0] === 0x50 && bytes[1] === 0x4b, 'the CSV export is a zip');
    got.push(`${fmt} ${bytes.length} B`);
  }
  console.log('     ' + got.join(', '));
});

await step('upload-and-find', async () => {
  await go('#/documents');
  await page.locator('.doclist table, .doclist .muted').first().waitFor();
  await page.fill('#token', TOKEN);
  await page.locator('#token').dispatchEvent('change');
  await page.setInputFiles('#upload-file', UPLOAD);
  await page.locator('.upload-result .ok, .upload-result .errorbox').first().waitFor({ timeout: 60000 });
  const err = await page.locator('.upload-result .errorbox').count();
  check(err === 0, 'upload succeeded: ' + (err ? await page.locator('.upload-result .errorbox').textContent() : ''));
  await page.waitForTimeout(300);
  await shot('06-documents-uploaded');
  await page.fill('#top-search', UPLOAD_FIRM);
  const item = page.locator('.topsearch .suggest-item', { hasText: UPLOAD_FIRM }).first();
  await item.waitFor();
  await item.click();
  await page.waitForFunction(() => window.kgDebug && window.kgDebug.cy().nodes().length > 0);
  await page.locator('#panel .entity-name').waitFor();
  const name = await page.locator('#panel .entity-name').textContent();
  check(name.includes(UPLOAD_FIRM), `the uploaded firm ${UPLOAD_FIRM} is found (${name})`);
  await page.waitForTimeout(800);
  await shot('07-graph-uploaded-firm');
});

// Document text and names come from outside: markup in them stays text.
await step('hostile-names-stay-text', async () => {
  let dialogs = 0;
  const onDialog = (d) => { dialogs++; d.dismiss().catch(() => {}); };
  page.on('dialog', onDialog);
  try {
    await go('#/documents');
    await page.fill('#token', TOKEN);
    await page.locator('#token').dispatchEvent('change');
    await page.setInputFiles('#upload-file', join(here, 'testdata/hostile-2024.txt'));
    await page.locator('.upload-result .ok, .upload-result .errorbox').first().waitFor({ timeout: 60000 });
    if (await page.locator('.upload-result .errorbox').count()) {
      console.log('     the server refused the hostile file: ' + await page.locator('.upload-result .errorbox').textContent());
    } else {
      await page.locator('.upload-result .link').first().click();
      await page.locator('.upload-result .doc-added .chip, .upload-result .doc-added .muted').first().waitFor();
      const row = page.locator('.doclist tbody tr', { hasText: '星火' }).first();
      if (await row.count()) {
        await row.locator('.row-actions .link').first().click();
        await page.locator('#docviewer .doc-text').waitFor();
      }
      await page.fill('#top-search', '恶意');
      await page.waitForTimeout(800);
      await shot('12b-hostile-document');
    }
    const injected = await page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      scripts: [...document.scripts].filter((x) => !/app\.js$/.test(x.src)).length,
      svgs: document.querySelectorAll('body svg').length,
    }));
    check(dialogs === 0, 'no script from the document ran');
    check(injected.imgs === 0 && injected.scripts === 0 && injected.svgs === 0, 'no element from the document: ' + JSON.stringify(injected));
  } finally {
    page.off('dialog', onDialog);
    await page.keyboard.press('Escape');
  }
});

await step('projects', async () => {
  await go('#/projects');
  await page.locator('.board .column, .pipeline-out .muted').first().waitFor();
  check(await page.locator('.board .card').count() > 0, 'the board has projects');
  await shot('08-projects-board');
  await page.locator('.board .card').first().click();
  await page.locator('#panel .project').waitFor();
  await shot('09-projects-card-evidence');
  await page.click('button[data-mode=table]');
  await page.locator('table.grid').waitFor();
  await shot('10-projects-table');
});

await step('query', async () => {
  await go('#/query');
  await page.click('#query-run');
  await page.locator('.query-out .query-result, .query-out .errorbox').first().waitFor({ state: 'attached' });
  await shot('11-query');
  const err = await page.locator('.query-out .errorbox').count();
  check(err === 0, 'the first example runs: ' + (err ? await page.locator('.query-out .errorbox').textContent() : ''));
  const rows = JSON.parse(await page.locator('.query-result').textContent());
  check(rows.length > 0, 'the first example has results');
});

await step('documents-list', async () => {
  await go('#/documents');
  await page.locator('.doclist table').waitFor();
  await shot('12-documents');
});

// 2,000 nodes on screen: layout time and pan/zoom frame times.
await step('perf-2000-nodes', async () => {
  await go('#/graph');
  await page.waitForFunction(() => window.kgDebug && window.kgDebug.cy());
  const r = await page.evaluate(async (N) => {
    const { cy, runLayout } = window.kgDebug;
    const c = cy();
    const types = ['Enterprise', 'Project', 'Industry', 'Place', 'Organization', 'Product'];
    let seed = 42;
    const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const els = [];
    for (let i = 0; i < N; i++) els.push({ group: 'nodes', data: { id: 'n' + i, label: '节点' + i, name: '节点' + i, type: types[i % types.length] } });
    let m = 0;
    for (let i = 1; i < N; i++) els.push({ group: 'edges', data: { id: 'e' + m++, source: 'n' + Math.floor(rnd() * i), target: 'n' + i, label: '', predicate: 'inIndustry' } });
    for (let k = 0; k < N / 2; k++) els.push({ group: 'edges', data: { id: 'e' + m++, source: 'n' + Math.floor(rnd() * N), target: 'n' + Math.floor(rnd() * N), label: '', predicate: 'locatedIn' } });
    c.elements().remove();
    const t0 = performance.now();
    c.add(els);
    const addMs = performance.now() - t0;
    const frame = () => new Promise((res) => requestAnimationFrame(res));
    const tr = performance.now();
    await frame();
    await frame();
    const firstDrawMs = performance.now() - tr;
    // Frames drawn while the layout works: the page should keep answering.
    let rec = true, last = performance.now(), worst = 0;
    const loop = (t) => { worst = Math.max(worst, t - last); last = t; if (rec) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    const layoutMs = await runLayout(c, 'fcose');
    rec = false;
    return { nodes: c.nodes().length, edges: c.edges().length, addMs: Math.round(addMs), firstDrawMs: Math.round(firstDrawMs), layoutMs: Math.round(layoutMs), longestFrameDuringLayoutMs: Math.round(worst) };
  }, PERF_NODES);
  await page.waitForTimeout(500);
  await shot('13-graph-2000-nodes');
  // Pan by dragging the background and zoom with the wheel, as a hand does,
  // timing the frames the page draws meanwhile.
  const box = await page.locator('#graph-canvas').boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    window.__rec = true;
    let last = performance.now();
    const loop = (t) => { window.__frames.push(t - last); last = t; if (window.__rec) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  });
  const x0 = box.x + 12, y0 = box.y + 12;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(x0 + i * 6, y0 + i * 4);
  await page.mouse.up();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 40; i++) { await page.mouse.wheel(0, i < 20 ? -120 : 120); await page.waitForTimeout(16); }
  await page.waitForTimeout(300);
  const frames = (await page.evaluate(() => { window.__rec = false; return window.__frames; })).slice(1).sort((a, b) => a - b);
  const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
  Object.assign(r, { frames: frames.length, frameMeanMs: +mean.toFixed(1), frameP95Ms: +frames[Math.floor(frames.length * 0.95)].toFixed(1), frameMaxMs: +frames[frames.length - 1].toFixed(1), fps: Math.round(1000 / mean) });
  figures.perf = r;
  console.log(`     PERF ${r.nodes} nodes, ${r.edges} edges: add ${r.addMs} ms, first draw ${r.firstDrawMs} ms, layout ${r.layoutMs} ms (longest frame meanwhile ${r.longestFrameDuringLayoutMs} ms); pan/zoom by mouse: ${r.frames} frames, mean ${r.frameMeanMs} ms, p95 ${r.frameP95Ms} ms, max ${r.frameMaxMs} ms (~${r.fps} fps)`);
  await shot('14-graph-2000-nodes-after-pan-zoom');
  // A figure to read, not a pass/fail: wall-clock time depends on the machine and its load.
  r.loadavg = loadavg().map((x) => +x.toFixed(2));
  r.cpus = cpus().length;
  console.log(`     (load average ${r.loadavg.join(' ')} on ${r.cpus} CPUs; the issue's target is layout under 3 s)`);
  check(r.nodes === PERF_NODES, 'all nodes drawn');
});

await step('offline-no-csp-violations-no-errors', async () => {
  const csp = await page.evaluate(() => window.__csp || []);
  const errs = pageErrors.filter((e) => !/favicon/.test(e));
  if (csp.length) console.log('     CSP: ' + csp.join('\n     CSP: '));
  if (errs.length) console.log('     page: ' + errs.join('\n     page: '));
  check(csp.length === 0, 'no Content-Security-Policy violations');
  check(foreign.length === 0, 'no request leaves the server: ' + foreign.slice(0, 5).join(' '));
  check(errs.length === 0, 'no page errors');
});

writeFileSync(join(ART, 'figures.json'), JSON.stringify(figures, null, 2));
await ctx.close();
rmSync(profile, { recursive: true, force: true });
console.log(failures.length ? `\n${failures.length} failed: ${failures.join(', ')}` : '\nall passed');
console.log(`screenshots and downloads in ${ART}`);
process.exit(failures.length ? 1 : 0);
