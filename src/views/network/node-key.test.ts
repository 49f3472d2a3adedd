import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { nodeKey, orgIdOf } from './node-key.ts';

describe('nodeKey / orgIdOf', () => {
  it.each(['chicago-prime-01', 'a', '', 'proto', '__proto', 'Constructor'])(
    'keeps the ordinary id %j',
    (id) => {
      expect(nodeKey(id)).toBe(id);
      expect(orgIdOf(id)).toBe(id);
    },
  );

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '\u0001x'])(
    'escapes %j and reverses it',
    (id) => {
      expect(nodeKey(id)).not.toBe(id);
      expect(orgIdOf(nodeKey(id))).toBe(id);
    },
  );

  it('never maps two ids to one key', () => {
    const ids = ['toString', '\u0001toString', '\u0001\u0001toString', 'x', '\u0001x'];
    expect(new Set(ids.map(nodeKey)).size).toBe(ids.length);
  });

  it('lets graphology link organizations whose ids are Object.prototype names', () => {
    const graph = new Graph({ type: 'directed', multi: false });
    const ids = ['a', '__proto__', 'constructor', 'toString'];
    for (const id of ids) graph.addNode(nodeKey(id));
    graph.addDirectedEdge(nodeKey('a'), nodeKey('__proto__'));
    graph.addDirectedEdge(nodeKey('toString'), nodeKey('constructor'));
    graph.addDirectedEdge(nodeKey('constructor'), nodeKey('a'));
    expect(graph.size).toBe(3);
    expect(graph.outNeighbors(nodeKey('a')).map(orgIdOf)).toEqual(['__proto__']);
    expect(graph.inNeighbors(nodeKey('constructor')).map(orgIdOf)).toEqual(['toString']);
    expect(({} as Record<string, unknown>)['previous']).toBeUndefined();
  });
});
