// A Web Worker that lays out big graphs, so that the page keeps answering
// while it works. In: {id, nodes: [id], links: [[source, target]], ticks}.
// Out: {id, positions: [[x, y]]} in node order.
import { forceLayout } from './force.js';

self.onmessage = (ev) => {
  const { id, nodes, links, ticks } = ev.data;
  self.postMessage({ id, positions: forceLayout(nodes, links, ticks) });
};
