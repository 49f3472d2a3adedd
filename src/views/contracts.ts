// The props the app passes to its views and panels: one selection, one filter state and one analysis,
// shared by the map, the network and the side panels. Views never change the data; they ask the app to
// change the route (the URL) through these callbacks.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type Sigma from 'sigma';
import type { AnalysisPhase } from '../analysis/analyze.ts';
import type { AnalysisResult } from '../analysis/types.ts';
import type { AnalysisOutcome, ResilienceOutcome } from '../workers/protocol.ts';
import type { Chokepoint } from '../analysis/chokepoints.ts';
import type { Bundle } from '../domain/model.ts';
import type { Positions } from '../geo/positions.ts';
import type { Filters, Layout, MapCamera, NetworkCamera, Shading } from '../state/route.ts';
import type { FilterIndex } from './derive/filter.ts';

/** A region that can be drawn and chosen: the dataset's own and the shipped IMCP / DMCSP communities. */
export interface RegionOption {
  id: string;
  name: string;
  program: string;
  counties: readonly string[];
  focus?: string | null | undefined;
  lead?: string | null | undefined;
}

/** Everything derived from the loaded dataset that more than one view needs. */
export interface DatasetView {
  /** Node positions an imported GEXF or GraphML file brought, by organization id; absent otherwise. */
  filePositions?: ReadonlyMap<string, { x: number; y: number }> | null | undefined;
  /** The dataset as shown: its links narrowed to the route's fiscal years (domain/fiscal-years.ts). */
  bundle: Bundle;
  /** The fiscal years the whole dataset's links carry, ascending; empty (or absent) when none is dated. */
  years?: readonly number[] | undefined;
  /** Index-aligned with bundle.organizations. */
  positions: Positions;
  /** 1 when the organization is in the home region (index-aligned); all 0 without a region. */
  inRegion: Uint8Array;
  /** 1 when the organization passes the filters and is not removed by a what-if (index-aligned). */
  visible: Uint8Array;
  /** Organization id → index in bundle.organizations. */
  orgIndex: ReadonlyMap<string, number>;
  /**
   * The capabilities and certifications the filters offer, or null while a big dataset's index is still being
   * built after its first picture; absent where the view builds it itself when asked (small data, tests).
   */
  filterIndex?: FilterIndex | null | undefined;
  /** The finished analysis of the home region, or null while it runs or without a region. */
  analysis: AnalysisResult | null;
  /** The home region graph's single points of failure, once the worker has them (after the analysis). */
  resilience?: ResilienceOutcome | null | undefined;
  /** Capability id → human label (NAICS titles and the bundle's own labels). */
  label: (capabilityId: string) => string;
}

export interface SelectionProps {
  selected: string | undefined;
  /** Highlighted gap (capability id). */
  gap: string | undefined;
  /** With a gap: only this buyer's supply of it (a dependency-matrix cell). */
  gapBuyer?: string | undefined;
  onSelect: (orgId: string | undefined) => void;
  onSelectGap: (capabilityId: string | undefined) => void;
  /** The selected organization's chokepoints: the primes it exposes and what it cuts off; null while asked. */
  risk?: readonly Chokepoint[] | null | undefined;
}

export interface MapViewProps extends SelectionProps {
  data: DatasetView;
  regions: readonly RegionOption[];
  homeRegion: RegionOption | undefined;
  filters: Filters;
  shading: Shading;
  camera: MapCamera | undefined;
  onSelectRegion: (regionId: string) => void;
  onCameraChange: (camera: MapCamera) => void;
  /** Shows the network view instead (offered when organizations have no location); absent in split view. */
  onShowNetwork?: (() => void) | undefined;
  /** The MapLibre map once loaded, null when it goes (for the PNG export). */
  onEngine?: ((map: MaplibreMap | null) => void) | undefined;
  /**
   * Given, once the map is drawn, the work that builds its overlays' shaders ahead (warm-programs.ts), to
   * run when the page is idle; that work waits for `idle` between shaders and resolves with how many it drew.
   */
  onWarmShaders?: ((warm: (idle: () => Promise<void>) => Promise<number>) => void) | undefined;
}

export interface NetworkViewProps extends SelectionProps {
  data: DatasetView;
  homeRegion: RegionOption | undefined;
  filters: Filters;
  layout: Layout;
  /** Hops of the upstream supply tree shown around the selection; 0 = focus mode off. */
  focusHops: number;
  showCritical: boolean;
  camera: NetworkCamera | undefined;
  /** Organizations taken out by the what-if (ids): the network says so when the selection is one. */
  removed?: readonly string[] | undefined;
  /** The selected prime's chokepoints (supplier ids), null while asked: the tree list marks them. */
  chokepoints?: readonly string[] | null | undefined;
  onLayoutChange: (layout: Layout) => void;
  onFocusChange: (hops: number) => void;
  onShowCriticalChange: (show: boolean) => void;
  onCameraChange: (camera: NetworkCamera) => void;
  /** The sigma instance once created, null when it goes (for the PNG export). */
  onEngine?: ((sigma: Sigma | null) => void) | undefined;
}

/** The home region's single points of failure as the app has them: the worker's answer, or why not yet. */
export interface ResilienceState {
  outcome: ResilienceOutcome | null;
  pending: boolean;
  /** Why the worker could not find them, or null. */
  error: string | null;
}

/** Where the analysis of the loaded dataset stands (the app runs it in the analysis worker). */
export type AnalysisState =
  | { status: 'idle' }
  | { status: 'running'; phase: AnalysisPhase | 'reference'; fraction: number }
  | { status: 'done'; outcome: AnalysisOutcome }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };
