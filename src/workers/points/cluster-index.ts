// The organizations' points, clustered off MapLibre's source. A clustered MapLibre source re-clusters all of
// its data for every change and copies each changed feature on the main thread; this index is built once
// per dataset or filter from a few typed arrays (in the points worker) and answers, for the part of the map
// on screen, the clusters and points MapLibre then draws from a small, unclustered source.
import Supercluster from 'supercluster';
import type { BBox, Feature, Point } from 'geojson';
import { ORG_KINDS, noKinds } from '../../domain/model.ts';
import type { KindCounts, OrgKind } from '../../domain/model.ts';

/** Cluster radius in pixels, and the last zoom that clusters; past it every organization is its own point. */
export const CLUSTER_RADIUS = 40;
export const CLUSTER_MAX_ZOOM = 11;

/** What the index is built from, index-aligned with bundle.organizations. */
export interface PointColumns {
  /** lon, lat per organization (NaN: no position). */
  readonly coords: Float64Array;
  /** Position of each organization's kind in ORG_KINDS. */
  readonly kinds: Uint8Array;
  /** Circle radius of each organization's point, in pixels. */
  readonly radii: Float64Array;
}

/** Properties of an organization's point; its feature id is its index too (feature state is keyed by it). */
export interface OrgProps {
  i: number;
  kind: OrgKind;
  r: number;
}

/** Properties of a cluster: MapLibre's own names, plus how many of each kind it holds (for its tooltip). */
export type ClusterProps = {
  cluster: true;
  cluster_id: number;
  point_count: number;
  point_count_abbreviated: string | number;
} & Record<OrgKind, number>;

export type OrgPointFeature = Feature<Point, OrgProps>;
export type ClusterPointFeature = Feature<Point, ClusterProps>;
export type MapPointFeature = OrgPointFeature | ClusterPointFeature;

export function isCluster(feature: MapPointFeature): feature is ClusterPointFeature {
  return 'cluster_id' in feature.properties;
}

/**
 * Kinds never folded into a cluster: primes and training providers are few and what a map is read from, so
 * they stay points at every zoom, drawn above the clusters.
 */
export const UNCLUSTERED_KINDS: readonly OrgKind[] = ['prime', 'training'];

export class OrgClusterIndex {
  private readonly index: Supercluster<{ i: number }, KindCounts>;
  /** Organizations in the index (visible and positioned). */
  readonly size: number;
  /** Cluster feature ids start here, past every organization's index, so the two never collide. */
  private readonly clusterIdBase: number;
  /** The organizations of UNCLUSTERED_KINDS (visible and positioned), by index. */
  private readonly standalone: number[] = [];

  /** Builds the index of the organizations whose `mask` entry is 1 and that have a position. */
  constructor(
    private columns: PointColumns,
    mask: Uint8Array,
  ) {
    const { coords, kinds } = columns;
    const points: Feature<Point, { i: number }>[] = [];
    const alone = new Set(UNCLUSTERED_KINDS.map((kind) => ORG_KINDS.indexOf(kind)));
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] !== 1) continue;
      const lon = coords[2 * i]!;
      const lat = coords[2 * i + 1]!;
      if (Number.isNaN(lon) || Number.isNaN(lat)) continue;
      if (alone.has(kinds[i]!)) {
        this.standalone.push(i);
        continue;
      }
      points.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { i },
      });
    }
    this.size = points.length + this.standalone.length;
    this.clusterIdBase = kinds.length;
    this.index = new Supercluster<{ i: number }, KindCounts>({
      radius: CLUSTER_RADIUS,
      maxZoom: CLUSTER_MAX_ZOOM,
      // A point's kind, counted: summed up the cluster tree.
      map: ({ i }) => {
        const counts = noKinds();
        counts[ORG_KINDS[kinds[i]!] ?? 'manufacturer']++;
        return counts;
      },
      reduce: (sum, counts) => {
        for (const kind of ORG_KINDS) sum[kind] += counts[kind];
      },
    }).load(points);
  }

  /** New point sizes; the clusters stay as they are. */
  setRadii(radii: Float64Array): void {
    this.columns = { ...this.columns, radii };
  }

  /**
   * The clusters and points within `bbox` ([west, south, east, north]; longitudes may run past ±180) at
   * `zoom` (floored, as the map's tiles are), as GeoJSON features for the map's source.
   */
  features(bbox: BBox, zoom: number): MapPointFeature[] {
    const { coords, kinds, radii } = this.columns;
    const out: MapPointFeature[] = [];
    const point = (i: number): OrgPointFeature => ({
      type: 'Feature',
      id: i,
      // Its own position, not one through the index's projection and back (arcs start there).
      geometry: { type: 'Point', coordinates: [coords[2 * i]!, coords[2 * i + 1]!] },
      properties: { i, kind: ORG_KINDS[kinds[i]!] ?? 'manufacturer', r: radii[i]! },
    });
    for (const found of this.index.getClusters(bbox, Math.floor(zoom))) {
      const properties = found.properties;
      if ('cluster_id' in properties) {
        out.push({
          type: 'Feature',
          id: this.clusterIdBase + properties.cluster_id,
          geometry: found.geometry,
          properties: properties as ClusterProps,
        });
      } else {
        out.push(point(properties.i));
      }
    }
    const [west, south, east, north] = bbox as [number, number, number, number];
    for (const i of this.standalone) {
      const lon = coords[2 * i]!;
      const lat = coords[2 * i + 1]!;
      if (lat < south || lat > north) continue;
      // The window's longitudes may run past ±180: the point counts once if any of its copies is inside.
      if (east - west >= 360 || [lon - 360, lon, lon + 360].some((x) => x >= west && x <= east))
        out.push(point(i));
    }
    return out;
  }

  /** The zoom at which a cluster (its `cluster_id`) falls apart into smaller ones or points. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }
}
