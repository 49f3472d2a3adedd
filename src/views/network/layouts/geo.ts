// The geo layout: organizations at their map positions, projected with Albers USA (Alaska and Hawaii as
// insets) and, for points it cannot place, the plain Albers conic it uses for the lower 48, so that
// suppliers abroad still land in a consistent place. Organizations without a position line up below. Pure.
import { geoAlbers, geoAlbersUsa } from 'd3-geo';
import type { Positions } from '../../../geo/positions.ts';
import { placeWithGridBelow } from './box.ts';
import type { LayoutPositions } from './box.ts';

const usa = geoAlbersUsa();
// geoAlbers' defaults are exactly the lower-48 part of geoAlbersUsa (same parallels, rotation, scale and
// translation), so the fallback continues the same plane; a Mercator would not line up with it.
const conic = geoAlbers();

/** Projected [x, y] of a lon/lat (screen orientation: y grows downwards), or null. */
export function project(lon: number, lat: number): [number, number] | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  const p = usa([lon, lat]) ?? conic([lon, lat]);
  return p === null || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) ? null : [p[0], p[1]];
}

export interface GeoNode {
  id: string;
  /** Index in the Positions arrays. */
  org: number;
}

/**
 * Positions for the geo layout, fitted to the layout box. sigma's y axis points up, so the projection's y
 * is negated. Nodes without coordinates go on a grid below the others, in the given order.
 */
export function geoLayout(nodes: readonly GeoNode[], positions: Positions): LayoutPositions {
  return placeWithGridBelow(
    nodes.map(({ id, org }) => {
      const p = project(positions.coords[2 * org]!, positions.coords[2 * org + 1]!);
      return [id, p === null ? null : { x: p[0], y: -p[1] }] as const;
    }),
  );
}
