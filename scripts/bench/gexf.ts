// Deterministic GEXF networks for the comparison with Gephi Lite (bench-browser.ts --gephi): N nodes in
// clusters with layout positions (viz:position, as a file laid out in Gephi has them), M distinct directed
// edges, most inside a cluster. Same seed, same file. Names are "Node n": no firm, real or invented.

/** A small seeded generator (mulberry32): the same seed gives the same file on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GexfSize {
  nodes: number;
  edges: number;
}

export function generateGexf({ nodes, edges }: GexfSize, seed = 1): string {
  const next = random(seed + nodes * 31 + edges);
  const clusters = Math.max(1, Math.round(Math.sqrt(nodes) / 2));
  const centres = Array.from({ length: clusters }, () => [next() * 2000 - 1000, next() * 2000 - 1000]);
  const clusterOf = Array.from({ length: nodes }, (_, i) => i % clusters);
  const members: number[][] = Array.from({ length: clusters }, () => []);
  clusterOf.forEach((c, i) => members[c]!.push(i));
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '<graph defaultedgetype="directed" mode="static">',
    '<nodes>',
  ];
  for (let i = 0; i < nodes; i++) {
    const [cx, cy] = centres[clusterOf[i]!]!;
    // A rough disc around the cluster's centre.
    const angle = next() * Math.PI * 2;
    const radius = Math.sqrt(next()) * 120;
    const x = (cx! + Math.cos(angle) * radius).toFixed(2);
    const y = (cy! + Math.sin(angle) * radius).toFixed(2);
    lines.push(
      `<node id="n${i}" label="Node ${i}"><viz:position x="${x}" y="${y}" z="0"/><viz:size value="${(2 + next() * 8).toFixed(1)}"/></node>`,
    );
  }
  lines.push('</nodes>', '<edges>');
  const seen = new Set<number>();
  const most = Math.min(edges, nodes * (nodes - 1));
  let made = 0;
  while (made < most) {
    const source = Math.floor(next() * nodes);
    let target: number;
    if (next() < 0.8) {
      const group = members[clusterOf[source]!]!;
      target = group[Math.floor(next() * group.length)]!;
    } else target = Math.floor(next() * nodes);
    if (target === source) continue;
    const key = source * nodes + target;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`<edge id="e${made}" source="n${source}" target="n${target}" weight="1"/>`);
    made++;
  }
  lines.push('</edges>', '</graph>', '</gexf>');
  return lines.join('\n');
}
