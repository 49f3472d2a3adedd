// The shape of src/'s import graph: no module reaches itself through its imports (type imports included),
// and no import runs up DESIGN.md §6's layers (lint says the same file by file; this sees the whole graph).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', 'src');
const RANK: Readonly<Record<string, number>> = {
  domain: 0,
  geo: 1,
  analysis: 2,
  io: 3,
  workers: 4,
  state: 4,
  views: 5,
  ui: 5,
  app: 6,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Relative imports of a module: static, type-only, re-exports, dynamic import() and worker URLs. */
function importsOf(text: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*'(\.[^']+)'/g,
    /import\(\s*'(\.[^']+)'\s*\)/g,
    /new URL\(\s*'(\.[^']+)'\s*,\s*import\.meta\.url\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

function graph(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const from = relative(SRC, file);
    const targets = importsOf(readFileSync(file, 'utf8'))
      .map((spec) => relative(SRC, resolve(dirname(file), spec)))
      // Reference data and styles are files, not modules of src.
      .filter((target) => !target.startsWith('..') && /\.tsx?$/.test(target));
    out.set(from, targets);
  }
  return out;
}

/** Every cycle's modules (strongly connected components of more than one module, or a self-import). */
function cycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (edges.get(node) ?? []).includes(node)) out.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return out;
}

describe('src import graph', () => {
  const edges = graph();

  it('reads the imports of every kind', () => {
    expect(
      importsOf(
        "import type { A } from './a.ts';\nexport { b } from '../b.ts';\nconst c = import('./c.ts');\nnew Worker(new URL('./d.worker.ts', import.meta.url));",
      ).sort(),
    ).toEqual(['../b.ts', './a.ts', './c.ts', './d.worker.ts']);
    expect(edges.size).toBeGreaterThan(100);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('has no cycle', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('has no import running up a layer or across workers and state', () => {
    const layerOf = (path: string) => path.split(/[\\/]/)[0]!;
    const wrong: string[] = [];
    for (const [from, targets] of edges) {
      for (const to of targets) {
        const [a, b] = [layerOf(from), layerOf(to)];
        if (a === b || RANK[a] === undefined || RANK[b] === undefined) continue;
        if (RANK[b]! > RANK[a]! || (RANK[b] === RANK[a] && !(a === 'views' && b === 'ui')))
          wrong.push(`${from} → ${to}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
