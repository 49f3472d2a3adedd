import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import {
  capReached,
  describeProgress,
  FORCE_ITERATION_CAP,
  FORCE_TIME_CAP_MS,
  forceSettings,
} from './force.ts';

describe('forceSettings', () => {
  it.each([
    [0, false, 1],
    [1, false, 1],
    [1000, false, 1 + Math.log(1000)],
    [1001, true, 1 + Math.log(1001)],
  ])('for %i nodes: Barnes–Hut %s, slow-down %d', (order, barnesHut, slowDown) => {
    const settings = forceSettings(order);
    expect(settings.barnesHutOptimize).toBe(barnesHut);
    expect(settings.slowDown).toBeCloseTo(slowDown, 12);
  });

  it('is accepted by ForceAtlas2 and, with no random seed, moves the same start to the same place', () => {
    // The layout starts from the nodes' positions, so two runs from the same start agree exactly.
    const run = () => {
      const graph = new Graph();
      graph.addNode('a', { x: 0, y: 0 });
      graph.addNode('b', { x: 1, y: 0 });
      graph.addNode('c', { x: 0, y: 1 });
      graph.addEdge('a', 'b');
      graph.addEdge('b', 'c');
      return forceAtlas2(graph, { iterations: 5, settings: forceSettings(graph.order) });
    };
    const first = run();
    expect(first).toEqual(run());
    expect(first.a).not.toEqual({ x: 0, y: 0 });
  });
});

describe('describeProgress', () => {
  it.each([
    [{ running: true, iterations: 0, elapsedMs: 0 }, '0 iterations · 0.0 s'],
    [{ running: true, iterations: 312, elapsedMs: 4200 }, '312 iterations · 4.2 s'],
    [{ running: false, iterations: 1234, elapsedMs: 20_000 }, '1,234 iterations · 20.0 s'],
  ])('%o → %s', (progress, expected) => {
    expect(describeProgress(progress)).toBe(expected);
  });
});

describe('capReached', () => {
  it.each<[string, number, number, string | undefined]>([
    ['keeps running under both caps', FORCE_ITERATION_CAP - 1, FORCE_TIME_CAP_MS - 1, undefined],
    ['stops at the iteration cap', FORCE_ITERATION_CAP, 0, 'iterations'],
    ['stops at the time cap', 0, FORCE_TIME_CAP_MS, 'time'],
    ['says time when both are reached', FORCE_ITERATION_CAP, FORCE_TIME_CAP_MS, 'time'],
  ])('%s', (_name, iterations, elapsedMs, expected) => {
    expect(capReached(iterations, elapsedMs)).toBe(expected);
  });

  it('takes other caps', () => {
    expect(capReached(10, 50, { ms: 100, iterations: 10 })).toBe('iterations');
    expect(capReached(9, 100, { ms: 100, iterations: 10 })).toBe('time');
    expect(capReached(9, 99, { ms: 100, iterations: 10 })).toBeUndefined();
  });

  it('has the caps the toolbar promises: 20 s or 2,000 iterations', () => {
    expect(FORCE_TIME_CAP_MS).toBe(20_000);
    expect(FORCE_ITERATION_CAP).toBe(2_000);
  });
});
