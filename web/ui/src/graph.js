// Cytoscape set-up shared by the chains view and the explorer: the style
// (colours and shapes by type, inferred edges dashed), layouts and pictures.

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import svg from 'cytoscape-svg';
import { forceLayout } from './force.js';
import { TYPES, predLabel, typeOfId, nameOfId } from './labels.js';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

export const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

function stylesheet() {
  const s = [
    { selector: 'node', style: {
      label: 'data(label)', 'font-family': FONT, 'font-size': 12, color: '#1f2937',
      'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap', 'text-overflow-wrap': 'anywhere', 'text-max-width': 100,
      'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
      'min-zoomed-font-size': 7, width: 26, height: 26, 'background-color': '#94a3b8',
      'border-width': 1, 'border-color': '#ffffff',
    } },
    { selector: 'edge', style: {
      width: 1.5, 'line-color': '#a3aab5', 'target-arrow-color': '#a3aab5', 'target-arrow-shape': 'triangle',
      'curve-style': 'bezier', 'arrow-scale': 0.8, label: 'data(label)', 'font-family': FONT, 'font-size': 9,
      color: '#6b7280', 'text-rotation': 'autorotate', 'min-zoomed-font-size': 9,
      'text-background-color': '#ffffff', 'text-background-opacity': 0.8,
    } },
    { selector: 'edge[?inferred]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'node[?seed]', style: { width: 40, height: 40, 'font-size': 14, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#111827' } },
    { selector: 'node[?expanded]', style: { 'border-width': 2, 'border-color': '#374151' } },
    { selector: 'node.segment', style: { 'background-opacity': 0.6 } },
    { selector: 'node[?inferred]', style: { 'border-style': 'dashed', 'border-width': 2, 'border-color': '#6b7280' } },
    { selector: ':selected', style: { 'overlay-color': '#f59e0b', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'edge:selected', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', width: 3 } },
    { selector: 'edge.path', style: { 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed', width: 4 } },
    { selector: 'node.path', style: { 'border-width': 3, 'border-color': '#7c3aed' } },
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
  for (const [t, v] of Object.entries(TYPES)) {
    s.splice(2, 0, { selector: `node[type = "${t}"]`, style: { 'background-color': v.color, shape: v.shape } });
  }
  return s;
}

/** Creates a cytoscape instance in container. */
export function createCy(container) {
  const cy = cytoscape({
    container,
    style: stylesheet(),
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    pixelRatio: 'auto',
  });
  // Big drawings pan and zoom as a cached picture, redrawn when the hand stops.
  let pending = false;
  const tune = () => {
    pending = false;
    if (cy.destroyed()) return;
    const big = cy.nodes().length > BIG;
    const r = cy.renderer();
    r.textureOnViewport = big;
    r.hideEdgesOnViewport = big;
  };
  cy.on('add remove', () => { if (!pending) { pending = true; queueMicrotask(tune); } });
  // The evidence panel opening or closing resizes the drawing's box;
  // cytoscape only watches the window.
  const ro = new ResizeObserver(() => { if (!cy.destroyed()) cy.resize(); });
  ro.observe(container);
  cy.on('destroy', () => ro.disconnect());
  return cy;
}

/** Cytoscape elements from the API's {nodes, edges} (GET /graph). */
export function toElements(nodes, edges) {
  const els = [];
  for (const n of nodes || []) {
    const type = n.type || typeOfId(n.id);
    const name = n.name || nameOfId(n.id);
    els.push({ group: 'nodes', data: { id: n.id, label: n.stage ? `${name}·${n.stage}` : name, type, name, aliases: n.aliases || [], degree: n.degree, stage: n.stage } });
  }
  for (const e of edges || []) {
    els.push({ group: 'edges', data: {
      id: e.id || `${e.source}|${e.predicate}|${e.target}`, source: e.source, target: e.target,
      predicate: e.predicate, label: predLabel(e.predicate), inferred: !!e.inferred,
      confidence: e.confidence, evidence: e.evidence || [],
    } });
  }
  return els;
}

/** Adds elements that are not there yet; edges whose ends are missing are skipped. */
export function addElements(cy, els) {
  const fresh = [];
  const ids = new Set();
  for (const el of els) {
    if (cy.getElementById(el.data.id).nonempty() || ids.has(el.data.id)) continue;
    if (el.group === 'nodes') { fresh.push(el); ids.add(el.data.id); }
  }
  for (const el of els) {
    if (el.group !== 'edges' || cy.getElementById(el.data.id).nonempty() || ids.has(el.data.id)) continue;
    const has = (id) => ids.has(id) || cy.getElementById(id).nonempty();
    if (has(el.data.source) && has(el.data.target)) { fresh.push(el); ids.add(el.data.id); }
  }
  return cy.add(fresh);
}

// The explorer's layouts. options(n, roots): n nodes, roots the seed(s).
export const LAYOUTS = {
  fcose: { label: '力导向', options: (n) => ({
    name: 'fcose', quality: 'default', randomize: true, animate: n < 200, nodeDimensionsIncludeLabels: true,
    animationDuration: 400, nodeRepulsion: 6000, idealEdgeLength: 70, nodeSeparation: 60,
    numIter: 2500, packComponents: true, fit: true, padding: 30,
  }) },
  tree: { label: '层次', options: (n, roots) => ({
    name: 'breadthfirst', directed: false, roots: roots && roots.nonempty() ? roots : undefined,
    spacingFactor: n > 60 ? 0.9 : 1.1, avoidOverlap: true, nodeDimensionsIncludeLabels: true, fit: true, padding: 30, animate: n < 200, animationDuration: 300,
  }) },
  dagre: { label: '有向分层', options: (n) => ({ name: 'dagre', rankDir: 'LR', nodeDimensionsIncludeLabels: true, nodeSep: 16, rankSep: 110, animate: n < 200, animationDuration: 300, fit: true, padding: 30 }) },
  concentric: { label: '同心圆', options: () => ({ name: 'concentric', minNodeSpacing: 20, fit: true, padding: 30, concentric: (n) => (n.data('seed') ? 10 : n.degree()), levelWidth: () => 2 }) },
};

// Above this many nodes the force-directed layout is d3-force (Barnes-Hut)
// run to completion in a Web Worker, the page answering meanwhile: fcose's
// refinement grows too slow there (tens of seconds for 2,000 nodes on a busy
// 2-core machine), and its draft quality alone leaves nodes piled up.
export const BIG = 500;

let worker = null;
let workerBroken = false;
let jobs = 0;
const waiting = new Map(); // job id → {resolve, ids, pairs}

// positionsOf runs forceLayout in the worker, or here when workers fail.
function positionsOf(ids, pairs) {
  if (workerBroken) return Promise.resolve(forceLayout(ids, pairs, 200));
  try {
    if (!worker) {
      worker = new Worker(new URL('layout-worker.js', document.baseURI));
      worker.onmessage = (ev) => {
        const job = waiting.get(ev.data.id);
        waiting.delete(ev.data.id);
        if (job) job.resolve(ev.data.positions);
      };
      worker.onerror = () => {
        workerBroken = true;
        for (const job of waiting.values()) job.resolve(forceLayout(job.ids, job.pairs, 200));
        waiting.clear();
      };
    }
    const id = ++jobs;
    return new Promise((resolve) => {
      waiting.set(id, { resolve, ids, pairs });
      worker.postMessage({ id, nodes: ids, links: pairs, ticks: 200 });
    });
  } catch {
    workerBroken = true;
    return Promise.resolve(forceLayout(ids, pairs, 200));
  }
}

async function bigForce(cy, eles) {
  const nodes = eles.nodes();
  const ids = nodes.map((n) => n.id());
  const index = new Set(ids);
  const pairs = eles.edges().map((e) => [e.source().id(), e.target().id()]).filter(([s, t]) => index.has(s) && index.has(t));
  const positions = await positionsOf(ids, pairs);
  if (cy.destroyed()) return;
  const at = new Map(ids.map((id, i) => [id, { x: positions[i][0], y: positions[i][1] }]));
  cy.batch(() => nodes.positions((n) => at.get(n.id()) || n.position()));
  cy.fit(eles, 30);
}

// A handful of nodes fitted to the screen would be drawn huge.
function limitZoom(cy, eles) {
  if (cy.zoom() > 1.5) {
    cy.zoom(1.5);
    cy.center(eles);
  }
}

/** Runs a layout and resolves with the milliseconds it took. */
export function runLayout(cy, name, eles) {
  const target = eles || cy.elements(':visible');
  const n = target.nodes().length;
  if ((name || 'fcose') === 'fcose' && n > BIG) {
    const t0 = performance.now();
    return bigForce(cy, target).then(() => performance.now() - t0);
  }
  const def = LAYOUTS[name] || LAYOUTS.fcose;
  const opts = def.options(n, target.nodes('[?seed]'));
  const t0 = performance.now();
  return new Promise((resolve) => {
    const layout = target.layout(opts);
    layout.one('layoutstop', () => {
      const ms = performance.now() - t0;
      limitZoom(cy, target);
      resolve(ms);
    });
    layout.run();
  });
}

/** A PNG of the whole drawing as a Blob. */
export function pngBlob(cy) {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
}

/** An SVG of the whole drawing as a Blob. */
export function svgBlob(cy) {
  const text = cy.svg({ full: true, scale: 1, bg: '#ffffff' });
  return new Blob([text], { type: 'image/svg+xml;charset=utf-8' });
}
