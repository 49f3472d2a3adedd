// Puts the organizations on the map. The points worker clusters the visible, positioned organizations
// (see views/map/points); the map's point source holds only the clusters and points of a window around the
// view, a few hundred features. A filter sends the worker one mask; a camera move asks for a new window
// only when the view leaves the one held or crosses a whole zoom. The main thread never copies 100k
// features, and MapLibre never re-clusters them.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { DatasetView } from '../../contracts.ts';
import { orgTableOf } from '../../derive/filter.ts';
import { sameBytes, useStable } from '../../derive/stable.ts';
import { drawableMask, orgRadii, suppliedValues } from '../sources.ts';
import type { SizeBy } from '../sources.ts';
import { SOURCE } from '../style.ts';
import type { MapPointFeature } from '../../../workers/points/cluster-index.ts';
import { createInThreadPointsClient, createPointsClient } from '../../../workers/points/points-client.ts';
import { IN_THREAD_POINTS } from '../../../workers/points/early-points-worker.ts';
import { markOnce } from '../../../ui/perf-marks.ts';
import type { PointsClient } from '../../../workers/points/points-client.ts';
import { windowCovers, windowFor } from '../../../workers/points/view-window.ts';
import type { PointWindow, ViewBounds } from '../../../workers/points/view-window.ts';

/** Same contents, same array: the app may recompute the mask on any route change (a camera move too). */
export function useStableMask(mask: Uint8Array): Uint8Array {
  return useStable(mask, sameBytes);
}

/** What the worker should hold: the dataset's coordinates and kinds, the point sizes, the shown mask. */
interface Wanted {
  readonly base: { coords: Float64Array; kinds: Uint8Array };
  readonly radii: Float64Array;
  readonly mask: Uint8Array;
}

const sameState = (a: Wanted | null, b: Wanted) =>
  a !== null && a.base === b.base && a.radii === b.radii && a.mask === b.mask;

function viewOf(map: MapLibreMap): ViewBounds {
  const bounds = map.getBounds();
  return {
    west: bounds.getWest(),
    south: bounds.getSouth(),
    east: bounds.getEast(),
    north: bounds.getNorth(),
  };
}

/**
 * Brings the worker and the map's source, one request at a time, to the latest wanted state and view. It starts
 * before the map exists: the worker loads the dataset and builds its index while the map is being created,
 * and the first window is asked once a map is attached.
 */
class OrgPointsSync {
  private wanted: Wanted;
  /** What the worker holds, once it said so. */
  private held: Wanted | null = null;
  /** What the source shows: the state and window its features were made for. */
  private shown: { state: Wanted; window: PointWindow } | null = null;
  private busy = false;
  private disposed = false;
  private target: { map: MapLibreMap; source: GeoJSONSource } | null = null;

  constructor(
    private readonly client: PointsClient,
    wanted: Wanted,
    private readonly onSynced: () => void,
    private readonly onShown: (window: PointWindow) => void,
  ) {
    this.wanted = wanted;
  }

  want(wanted: Wanted): void {
    this.wanted = wanted;
    void this.pump();
  }

  /** The map whose source shows the points (a new map shows nothing yet). */
  attach(map: MapLibreMap, source: GeoJSONSource): void {
    this.target = { map, source };
    this.shown = null;
    void this.pump();
  }

  detach(): void {
    this.target = null;
  }

  /** The camera moved: a new window if the view left the one shown. */
  readonly onMove = (): void => {
    const target = this.target;
    if (this.shown === null || this.busy || target === null) return;
    if (!windowCovers(this.shown.window, viewOf(target.map), target.map.getZoom())) void this.pump();
  };

  dispose(): void {
    this.disposed = true;
  }

  private async pump(): Promise<void> {
    if (this.busy || this.disposed) return;
    this.busy = true;
    try {
      for (;;) {
        const wanted = this.wanted;
        const held = this.held;
        if (held === null || held.base !== wanted.base) {
          await this.client.load({ ...wanted.base, radii: wanted.radii }, wanted.mask);
        } else {
          // A filter and a size change can come together: both go.
          if (held.mask !== wanted.mask) await this.client.setMask(wanted.mask);
          if (held.radii !== wanted.radii) await this.client.setRadii(wanted.radii);
        }
        if (this.disposed) return;
        this.held = wanted;
        if (this.wanted !== wanted) continue;
        // Without a map yet, the worker is ready: the window waits for attach.
        const target = this.target;
        if (target === null) break;
        const zoom = target.map.getZoom();
        const view = viewOf(target.map);
        if (
          this.shown !== null &&
          sameState(this.shown.state, wanted) &&
          windowCovers(this.shown.window, view, zoom)
        )
          break;
        const window = windowFor(view, zoom);
        const features: MapPointFeature[] = await this.client.features(window);
        if (this.disposed) return;
        // A newer dataset or filter came meanwhile, or another map: these features are out of date.
        if (this.wanted !== wanted) continue;
        if (this.target !== target) continue;
        await target.source.setData({ type: 'FeatureCollection', features });
        if (this.disposed) return;
        this.shown = { state: wanted, window };
        this.onShown(window);
        if (this.wanted === wanted) this.onSynced();
      }
    } catch (error) {
      if (!this.disposed) console.error(error);
    } finally {
      this.busy = false;
    }
  }
}

export interface OrgSource {
  /** Goes up each time the source has caught up with new data (0: not yet). */
  version: number;
  /** The window the source holds, as `west,south,east,north,zoom` (for tests and the curious). */
  window: string | undefined;
  /** How many windows the source has shown on this map (for tests: a start shows one). */
  windowsShown: number;
  /** The zoom at which a cluster (its `cluster_id`) falls apart. */
  expansionZoom(clusterId: number): Promise<number>;
}

export function useOrgSource(map: MapLibreMap | null, data: DatasetView, sizeBy: SizeBy): OrgSource {
  const { bundle, positions } = data;
  const visible = useStableMask(data.visible);
  const mask = useMemo(() => drawableMask(positions, visible), [positions, visible]);
  const base = useMemo(
    () => ({ coords: positions.coords, kinds: orgTableOf(bundle).kind }),
    [bundle, positions],
  );
  const radii = useMemo(
    () => orgRadii(bundle, sizeBy, sizeBy === 'value' ? suppliedValues(bundle) : undefined),
    [bundle, sizeBy],
  );
  const wanted = useMemo<Wanted>(() => ({ base, radii, mask }), [base, radii, mask]);
  const [version, setVersion] = useState(0);
  const [shownWindow, setShownWindow] = useState<string | undefined>(undefined);
  const [windowsShown, setWindowsShown] = useState(0);
  const client = useRef<PointsClient | null>(null);
  const sync = useRef<OrgPointsSync | null>(null);
  const latest = useRef(wanted);

  // Declared first: on a map change React runs the cleanup below before this, so only a live sync hears it.
  useEffect(() => {
    latest.current = wanted;
    sync.current?.want(wanted);
  }, [wanted]);

  // A few thousand points cluster in a few milliseconds here; a worker would first have to start (half a
  // second to the first picture on two cores). Larger datasets go to the worker, off the main thread, which
  // starts on them at once, while the map is still being made.
  const inThread = bundle.organizations.length <= IN_THREAD_POINTS;
  useEffect(() => {
    const points = inThread ? createInThreadPointsClient() : createPointsClient();
    client.current = points;
    const current = new OrgPointsSync(
      points,
      latest.current,
      () => {
        markOnce('points');
        setVersion((v) => v + 1);
      },
      (window) => {
        setShownWindow([...window.bbox, window.zoom].join(','));
        setWindowsShown((n) => n + 1);
      },
    );
    sync.current = current;
    current.want(latest.current);
    return () => {
      current.dispose();
      points.dispose();
      if (sync.current === current) sync.current = null;
      if (client.current === points) client.current = null;
    };
  }, [inThread]);

  // Declared after the one above: when both re-run, this one attaches the new sync.
  useEffect(() => {
    const current = sync.current;
    if (map === null || current === null) return;
    const source = map.getSource<GeoJSONSource>(SOURCE.orgs);
    if (source === undefined) return;
    current.attach(map, source);
    map.on('move', current.onMove);
    map.on('resize', current.onMove);
    return () => {
      map.off('move', current.onMove);
      map.off('resize', current.onMove);
      current.detach();
    };
  }, [map, inThread]);

  const expansionZoom = useCallback(async (clusterId: number) => {
    if (client.current === null) throw new Error('The map’s points are not ready.');
    return client.current.expansionZoom(clusterId);
  }, []);
  return useMemo(
    () => ({ version, window: shownWindow, windowsShown, expansionZoom }),
    [version, shownWindow, windowsShown, expansionZoom],
  );
}
