// forceLayout: d3-force (Barnes-Hut) run to completion, for big graphs.
// Shared by the layout worker and, when workers fail, the page itself.
import { forceSimulation, forceLink, forceManyBody, forceX, forceY } from 'd3-force';

/** forceLayout returns the [x, y] of each node id after ticks steps. */
export function forceLayout(ids, pairs, ticks = 200) {
  const nodes = ids.map((id) => ({ id }));
  const links = pairs.map(([source, target]) => ({ source, target }));
  const sim = forceSimulation(nodes)
    .force('charge', forceManyBody().strength(-80).theta(0.9).distanceMax(800))
    .force('link', forceLink(links).id((d) => d.id).distance(45).iterations(1))
    .force('x', forceX().strength(0.02))
    .force('y', forceY().strength(0.02))
    .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
    .stop();
  for (let i = 0; i < ticks; i++) sim.tick();
  return nodes.map((d) => [d.x, d.y]);
}
