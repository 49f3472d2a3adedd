import { describe, expect, it, vi } from 'vitest';
import { ORG_KINDS } from '../../domain/model.ts';
import type { PointColumns } from './cluster-index.ts';
import type * as ClusterIndexModule from './cluster-index.ts';
import { PointsEngine } from './points-engine.ts';
import type { PointsRequest } from './points-engine.ts';

// Counts the cluster indexes the engine builds (the index itself is the real one).
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('./cluster-index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ClusterIndexModule>();
  class CountedIndex extends original.OrgClusterIndex {
    constructor(...args: ConstructorParameters<typeof original.OrgClusterIndex>) {
      super(...args);
      built.count++;
    }
  }
  return { ...original, OrgClusterIndex: CountedIndex };
});

const columns = (): PointColumns => ({
  coords: Float64Array.from([-87, 41, -88, 42, Number.NaN, Number.NaN, -89, 43]),
  kinds: Uint8Array.from(['prime', 'manufacturer', 'training', 'support'], (k) =>
    ORG_KINDS.indexOf(k as never),
  ),
  radii: Float64Array.from([5, 5, 5, 5]),
});
const ALL = () => Uint8Array.from([1, 1, 0, 1]);
const WORLD = { type: 'window', window: { bbox: [-180, -85, 180, 85], zoom: 16 } } as PointsRequest;

describe('PointsEngine load', () => {
  it('keeps its index when loaded again with the same points in new arrays (a load made ahead)', () => {
    built.count = 0;
    const engine = new PointsEngine();
    expect(engine.handle({ type: 'load', columns: columns(), mask: ALL() })).toBe(3);
    expect(built.count).toBe(1);
    // Equal values, absent positions (NaN) included: nothing is built again, and it answers as before.
    expect(engine.handle({ type: 'load', columns: columns(), mask: ALL() })).toBe(3);
    expect(built.count).toBe(1);
    expect((engine.handle(WORLD) as { id?: unknown }[]).map((f) => f.id).sort()).toEqual([0, 1, 3]);
  });

  it('builds its index again when the coordinates, kinds, sizes or mask differ', () => {
    built.count = 0;
    const engine = new PointsEngine();
    engine.handle({ type: 'load', columns: columns(), mask: ALL() });
    const moved = columns();
    moved.coords[0] = -86;
    engine.handle({ type: 'load', columns: moved, mask: ALL() });
    expect(built.count).toBe(2);
    const kinds = columns();
    kinds.kinds[1] = ORG_KINDS.indexOf('prime');
    engine.handle({ type: 'load', columns: kinds, mask: ALL() });
    expect(built.count).toBe(3);
    const sized = columns();
    sized.radii[3] = 9;
    engine.handle({ type: 'load', columns: sized, mask: ALL() });
    expect(built.count).toBe(4);
    expect(engine.handle({ type: 'load', columns: sized, mask: Uint8Array.from([1, 0, 0, 1]) })).toBe(2);
    expect(built.count).toBe(5);
  });

  it('compares with what it holds after a filter and a resize, not with what it was first loaded with', () => {
    built.count = 0;
    const engine = new PointsEngine();
    engine.handle({ type: 'load', columns: columns(), mask: ALL() });
    engine.handle({ type: 'mask', mask: Uint8Array.from([0, 1, 0, 1]) });
    const resized = Float64Array.from([1, 2, 3, 4]);
    engine.handle({ type: 'radii', radii: resized });
    expect(built.count).toBe(2);
    const now = { ...columns(), radii: Float64Array.from(resized) };
    expect(engine.handle({ type: 'load', columns: now, mask: Uint8Array.from([0, 1, 0, 1]) })).toBe(2);
    expect(built.count).toBe(2);
    // The first load's points are no longer what it holds.
    engine.handle({ type: 'load', columns: columns(), mask: ALL() });
    expect(built.count).toBe(3);
  });
});
