// The points worker's API: its methods' types and what each accepts, checked at the boundary. Kept apart
// from the engine (points-engine.ts) so that the client, which the app's own chunk carries, does not carry
// the clustering code.
import { z } from 'zod';
import type { Api, ArgSchemas, Method } from '../actor.ts';
import type { MapPointFeature, PointColumns } from './cluster-index.ts';
import type { PointWindow } from './view-window.ts';

/** The points worker's methods: the organizations indexed, the window's features, or a zoom. */
export interface PointsApi extends Api {
  load: Method<{ columns: PointColumns; mask: Uint8Array }, number>;
  mask: Method<Uint8Array, number>;
  radii: Method<Float64Array, number>;
  window: Method<PointWindow, MapPointFeature[]>;
  expansion: Method<number, number>;
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
