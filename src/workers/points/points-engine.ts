// What the points worker does with each request, kept apart from the worker so that the in-thread client
// (tests, browsers without workers) runs the very same code.
import { OrgClusterIndex } from './cluster-index.ts';
import type { MapPointFeature, PointColumns } from './cluster-index.ts';
import type { PointWindow } from './view-window.ts';
import { z } from 'zod';
import type { Api, ArgSchemas, Handlers, Method } from '../actor.ts';

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

/** The points worker's methods: the organizations indexed, the window's features, or a zoom. */
export interface PointsApi extends Api {
  load: Method<{ columns: PointColumns; mask: Uint8Array }, number>;
  mask: Method<Uint8Array, number>;
  radii: Method<Float64Array, number>;
  window: Method<PointWindow, MapPointFeature[]>;
  expansion: Method<number, number>;
}

export class PointsEngine {
  private columns: PointColumns | null = null;
  private index: OrgClusterIndex | null = null;

  handle(request: PointsRequest): PointsResult {
    switch (request.type) {
      case 'load':
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
    return this.index.size;
  }

  private ready(): OrgClusterIndex {
    if (this.index === null) throw new Error('The points have no dataset yet.');
    return this.index;
  }
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

const finite = z.number().refine(Number.isFinite, 'not a finite number');

/** What each method accepts, checked before it runs. */
export const pointsArgs: ArgSchemas<PointsApi> = {
  load: z.object({
    columns: z.object({
      coords: z.instanceof(Float64Array),
      kinds: z.instanceof(Uint8Array),
      radii: z.instanceof(Float64Array),
    }),
    mask: z.instanceof(Uint8Array),
  }),
  mask: z.instanceof(Uint8Array),
  radii: z.instanceof(Float64Array),
  window: z.object({ bbox: z.tuple([finite, finite, finite, finite]), zoom: finite }),
  expansion: z.number().int().nonnegative(),
};
