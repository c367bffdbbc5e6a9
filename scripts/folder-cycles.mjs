// Folder-level import cycles among the top-level parts of server/, for scripts/check-deps.mjs.

/** `server/access/x.ts` → `server/access`; a file directly in server/ is its own part. Null outside server/. */
export function serverPart(file) {
  const match = /^server\/([^/]+)/.exec(file);
  return match ? `server/${match[1]}` : null;
}

/** Tests and their harnesses (`testing/`) drive the whole server from any folder: they are not part of its layers. */
const TEST_CODE = /\.test\.tsx?$|\/testing\//;

/**
 * The imports between server/ parts, keyed `from → to`, each with the file → file imports behind
 * it. `modules` is dependency-cruiser's `output.modules`.
 */
export function folderEdges(modules) {
  const edges = new Map();
  for (const module of modules) {
    const from = serverPart(module.source);
    if (!from || TEST_CODE.test(module.source)) continue;
    for (const dependency of module.dependencies) {
      const to = serverPart(dependency.resolved);
      if (!to || to === from) continue;
      const key = `${from} → ${to}`;
      if (!edges.has(key)) edges.set(key, []);
      edges.get(key).push(`${module.source} → ${dependency.resolved}`);
    }
  }
  return edges;
}

/**
 * Every cycle among the folders: for each edge that lies on a cycle, the shortest cycle through
 * it, each cycle once, as a list of [from, to] arrows. None is tolerated (#16): a shared piece
 * moves down, or the lower part announces and the higher one follows.
 */
export function folderCycles(edges) {
  const next = new Map();
  for (const key of edges.keys()) {
    const [from, to] = key.split(' → ');
    if (!next.has(from)) next.set(from, []);
    next.get(from).push(to);
  }
  const seen = new Set();
  const cycles = [];
  for (const [from, targets] of next) {
    for (const to of targets) {
      const back = shortestPath(next, to, from);
      if (!back) continue;
      const nodes = [from, ...back.slice(0, -1)];
      const canonical = rotateToSmallest(nodes).join(' ');
      if (seen.has(canonical)) continue;
      seen.add(canonical);
      cycles.push(nodes.map((node, index) => [node, nodes[(index + 1) % nodes.length]]));
    }
  }
  return cycles;
}

/** Breadth-first: the nodes from `start` to `goal` (both included), or null when unreachable. */
function shortestPath(next, start, goal) {
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index];
    if (node === goal) {
      const path = [];
      for (let step = goal; step !== null; step = cameFrom.get(step)) path.unshift(step);
      return path;
    }
    for (const target of next.get(node) ?? []) {
      if (cameFrom.has(target)) continue;
      cameFrom.set(target, node);
      queue.push(target);
    }
  }
  return null;
}

/** check-deps's report: one problem per cycle, each arrow with one file → file import behind it. */
export function folderCycleProblems(edges) {
  return folderCycles(edges).map((cycle) => {
    const arrows = cycle.map(([from, to]) => `    ${from} → ${to}   (${edges.get(`${from} → ${to}`)[0]})`);
    return `no-folder-cycles: ${cycle.map(([from]) => from).join(' → ')} → ${cycle[0][0]}\n${arrows.join('\n')}`;
  });
}

function rotateToSmallest(nodes) {
  const smallest = nodes.reduce((best, node, index) => (node < nodes[best] ? index : best), 0);
  return [...nodes.slice(smallest), ...nodes.slice(0, smallest)];
}
