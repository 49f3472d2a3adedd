// What the points worker does with each request, kept apart from the worker so that the in-thread client
// (tests, browsers without workers) runs the very same code.
import { OrgClusterIndex } from './cluster-index.ts';
import type { MapPointFeature, PointColumns } from './cluster-index.ts';
import type { PointWindow } from './view-window.ts';
import type { Handlers } from '../actor.ts';
import type { PointsApi } from './points-api.ts';

export type PointsRequest =
  /** A new dataset (or point sizes with it): its columns, and which organizations are shown. */
  | { type: 'load'; columns: PointColumns; mask: Uint8Array }
  /** Another filter: which organizations are shown. */
  | { type: 'mask'; mask: Uint8Array }
  /** Other point sizes, same organizations. */
  | { type: 'radii'; radii: Float64Array }
  | { type: 'window'; window: PointWindow }
  | { type: 'expansion'; clusterId: number };

export type PointsResult = number | MapPointFeature[];

export class PointsEngine {
  private columns: PointColumns | null = null;
  private index: OrgClusterIndex | null = null;
  /** The mask the index was built with. */
  private mask: Uint8Array | null = null;

  handle(request: PointsRequest): PointsResult {
    switch (request.type) {
      case 'load':
        // What the engine holds already (the map asking for the points a reopened dataset had loaded ahead,
        // app/points-ahead.ts): the index stays, rather than being built again.
        if (this.index !== null && this.holds(request.columns, request.mask)) return this.index.size;
        this.columns = request.columns;
        return this.rebuild(request.mask);
      case 'mask':
        return this.rebuild(request.mask);
      case 'radii': {
        const index = this.ready();
        // Kept for the next rebuild too.
        this.columns = { ...this.columns!, radii: request.radii };
        index.setRadii(request.radii);
        return index.size;
      }
      case 'window':
        return this.ready().features(request.window.bbox, request.window.zoom);
      case 'expansion':
        return this.ready().expansionZoom(request.clusterId);
    }
  }

  private rebuild(mask: Uint8Array): number {
    const columns = this.columns;
    if (columns === null) throw new Error('The points have no dataset yet.');
    if (mask.length !== columns.kinds.length)
      throw new Error(`The mask has ${mask.length} entries for ${columns.kinds.length} organizations.`);
    this.index = new OrgClusterIndex(columns, mask);
    this.mask = mask;
    return this.index.size;
  }

  private holds(columns: PointColumns, mask: Uint8Array): boolean {
    const held = this.columns;
    return (
      held !== null &&
      this.mask !== null &&
      sameValues(held.coords, columns.coords) &&
      sameValues(held.kinds, columns.kinds) &&
      sameValues(held.radii, columns.radii) &&
      sameValues(this.mask, mask)
    );
  }

  private ready(): OrgClusterIndex {
    if (this.index === null) throw new Error('The points have no dataset yet.');
    return this.index;
  }
}

/** Same length and values, NaN equal to NaN (a position absent in both). */
function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return false;
  return true;
}

/** The engine's methods as the actor serves them (in the worker, or in this thread). */
export function pointsHandlers(engine: PointsEngine): Handlers<PointsApi> {
  return {
    load: ({ columns, mask }) => engine.handle({ type: 'load', columns, mask }) as number,
    mask: (mask) => engine.handle({ type: 'mask', mask }) as number,
    radii: (radii) => engine.handle({ type: 'radii', radii }) as number,
    window: (window) => engine.handle({ type: 'window', window }) as MapPointFeature[],
    expansion: (clusterId) => engine.handle({ type: 'expansion', clusterId }) as number,
  };
}
