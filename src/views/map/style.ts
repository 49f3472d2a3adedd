// The map's style: a basemap drawn from shipped vector tiles (made at build time, read through a protocol of
// the page: no tile, glyph or sprite server), the region, shading, link and organization layers on top.
// Those sources start empty; controllers fill them with setData.
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { OrgKind } from '../../domain/model.ts';
import { BASEMAP_TILES } from './basemap.ts';

/** The same colors as the CSS variables --kind-* in src/app/app.css. */
export const KIND_COLORS: Readonly<Record<OrgKind, string>> = {
  prime: '#c2410c',
  manufacturer: '#2563eb',
  training: '#15803d',
  support: '#7c3aed',
};

export const WATER = '#d7e6f0';
export const LAND = '#f6f5f1';
export const ARC_IN = '#0f766e';
export const ARC_OUT = '#b45309';
export const GAP_ROLE_COLORS = { buyer: '#111827', supplier: '#f59e0b', both: '#dc2626' } as const;
/** A selected chokepoint: the primes that depend on it alone, and the organizations it cuts off. */
export const RISK_COLORS = { exposed: '#9f1239', 'cut-off': '#f97316' } as const;
export type RiskRole = keyof typeof RISK_COLORS;

/** The font name the symbol layers ask for; `font-faces` maps it to the shipped woff2. */
export const FONT = 'Noto Sans Regular';

export const SOURCE = {
  basemap: 'basemap',
  shading: 'shading',
  regions: 'regions',
  regionLabels: 'region-labels',
  home: 'home-region',
  orgs: 'orgs',
  arcs: 'arcs',
  flows: 'county-flows',
  gapArcs: 'gap-arcs',
  gapOrgs: 'gap-orgs',
  riskOrgs: 'risk-orgs',
  selection: 'selection',
  warmUp: 'warm-up',
  warmTwins: 'warm-twins',
} as const;

/**
 * Sources that start empty and are often empty (a selection, a highlighted gap, a risk, shading, flows):
 * their layers are shown only while they hold features (setSourceData in controllers/geojson.ts), so an
 * empty one costs the map's worker no tiles at each move.
 */
export const OVERLAY_SOURCES: ReadonlySet<string> = new Set([
  SOURCE.shading,
  SOURCE.home,
  SOURCE.flows,
  SOURCE.arcs,
  SOURCE.gapArcs,
  SOURCE.gapOrgs,
  SOURCE.riskOrgs,
  SOURCE.selection,
]);

/**
 * The overlays' layers start hidden (see OVERLAY_SOURCES), and so do the basemap's: a map asks for no tile of
 * a source whose layers are all hidden, so none is fetched and drawn for the view the map is made with
 * before the camera goes to where it starts (showBasemap, controllers/useCamera.ts).
 */
function hiddenAtFirst(layers: LayerSpecification[]): LayerSpecification[] {
  return layers.map((layer) =>
    'source' in layer && (OVERLAY_SOURCES.has(layer.source) || BASEMAP_SOURCES.has(layer.source))
      ? ({ ...layer, layout: { ...layer.layout, visibility: 'none' } } as LayerSpecification)
      : layer,
  );
}

/** The sources that hold the basemap, whatever the dataset. */
export const BASEMAP_SOURCES: ReadonlySet<string> = new Set([SOURCE.basemap]);

export const LAYER = {
  background: 'water',
  land: 'land',
  shading: 'shading-fill',
  countyBorders: 'county-borders',
  stateBorders: 'state-borders',
  regionsFill: 'regions-fill',
  regionsLine: 'regions-line',
  homeFill: 'home-fill',
  homeLine: 'home-line',
  stateLabels: 'state-labels',
  countyLabels: 'county-labels',
  regionLabels: 'region-labels',
  flows: 'county-flows',
  arcs: 'arcs',
  arcsCrossing: 'arcs-crossing',
  gapArcs: 'gap-arcs',
  gapArcsCrossing: 'gap-arcs-crossing',
  clusters: 'clusters',
  clusterCount: 'cluster-count',
  orgs: 'org-points',
  gapOrgs: 'gap-orgs',
  riskOrgs: 'risk-orgs',
  selection: 'selection-ring',
  warmUp: 'warm-up',
} as const;

/** Layers whose features the pointer can hover and click, most specific first. */
export const INTERACTIVE_LAYERS = [
  LAYER.selection,
  LAYER.gapOrgs,
  LAYER.riskOrgs,
  LAYER.orgs,
  LAYER.clusters,
  LAYER.regionsFill,
];

const empty = (): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
});

/**
 * A source of points only, drawn as circles and labels, cut into tiles without a buffer. MapLibre's circle
 * and symbol buckets drop the points in a tile's buffer anyway (each point is drawn by the tile it lies in,
 * across the tile's edge); with the default buffer (128 px a side) every tile was also cut, encoded and
 * read with the points of a band around it: 2.25 times its area.
 */
const points = (): GeoJSONSourceSpecification => ({ ...empty(), buffer: 0 });

const kindColor: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'prime',
  KIND_COLORS.prime,
  'manufacturer',
  KIND_COLORS.manufacturer,
  'training',
  KIND_COLORS.training,
  KIND_COLORS.support,
];

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const notCluster: FilterSpecification = ['!', ['has', 'point_count']];

function textLayer(
  id: string,
  source: string,
  size: number,
  color: string,
  extra: Partial<{ minzoom: number; maxzoom: number; 'source-layer': string }> = {},
  visibility: 'visible' | 'none' = 'visible',
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    ...extra,
    layout: {
      visibility,
      'text-field': ['get', 'name'],
      'text-font': [FONT],
      'text-size': size,
      'text-max-width': 8,
      'text-padding': 4,
    },
    paint: { 'text-color': color, 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 },
  };
}

/** Links as arcs: solid inside the region or entirely outside it, dashed when crossing its boundary. */
/** County-to-county flows of a public copy. */
export const FLOW_COLOR = '#7c3aed';

function arcLayers(solidId: string, dashedId: string, source: string): LayerSpecification[] {
  const paint = {
    'line-color': ['match', ['get', 'direction'], 'in', ARC_IN, ARC_OUT] as ExpressionSpecification,
    'line-width': ['get', 'width'] as ExpressionSpecification,
    'line-opacity': 0.85,
  };
  return [
    {
      id: solidId,
      type: 'line',
      source,
      filter: ['!', ['get', 'crossing']],
      layout: { 'line-cap': 'round' },
      paint,
    },
    {
      id: dashedId,
      type: 'line',
      source,
      filter: ['get', 'crossing'],
      paint: { ...paint, 'line-dasharray': [2, 1.5] },
    },
  ];
}

/** The warm-up layer's source: one point of size 0 where the map is made (none without `at`). */
function warmUpSource(at: readonly [number, number] | undefined): GeoJSONSourceSpecification {
  if (at === undefined) return points();
  return {
    type: 'geojson',
    buffer: 0,
    data: {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [...at] },
      properties: { color: KIND_COLORS.manufacturer, size: 0 },
    },
  };
}

/**
 * The organizations' opacities, as drawn and as dimmed under a highlight (useDimmed). The style starts with
 * the drawn ones, so that setting them again changes nothing (no relayout, no repaint).
 */
export const ORG_OPACITY = {
  points: { shown: 1, dimmed: 0.25 },
  clusters: { shown: 0.82, dimmed: 0.3 },
  counts: { shown: 1, dimmed: 0.4 },
} as const;

/**
 * The whole style; `fontUrl` is the shipped Noto Sans woff2 (same origin), `basemapTiles` the URL template
 * of the basemap's tiles (views/map/basemap-tiles.ts).
 */
export function buildStyle(
  fontUrl: string,
  basemapTiles: string,
  {
    softwareGl = false,
    warmAt,
  }: {
    softwareGl?: boolean;
    /** Where the map is made (its first center): the point that warms the organizations' shader. */
    warmAt?: readonly [number, number];
  } = {},
): StyleSpecification {
  const { layers: tileLayers, maxzoom, countyBordersFrom, countyLabelsFrom } = BASEMAP_TILES;
  return {
    version: 8,
    name: 'Forgemap offline',
    // A paint change (dimming under a highlight) fades over 300 ms: a repaint every frame meanwhile. Drawn
    // on the CPU, that is three or four frames of ~100 ms each that the page waits on, for a fade nobody sees.
    ...(softwareGl ? { transition: { duration: 0, delay: 0 } } : {}),
    'font-faces': { [FONT]: fontUrl },
    sources: {
      [SOURCE.basemap]: { type: 'vector', tiles: [basemapTiles], minzoom: 0, maxzoom },
      [SOURCE.shading]: empty(),
      [SOURCE.regions]: empty(),
      [SOURCE.regionLabels]: points(),
      [SOURCE.home]: empty(),
      // Clusters and points of the area around the view, clustered by the points worker (views/map/points).
      [SOURCE.orgs]: points(),
      [SOURCE.arcs]: empty(),
      [SOURCE.flows]: empty(),
      [SOURCE.gapArcs]: empty(),
      [SOURCE.gapOrgs]: points(),
      [SOURCE.riskOrgs]: points(),
      [SOURCE.selection]: points(),
      [SOURCE.warmUp]: warmUpSource(warmAt),
      [SOURCE.warmTwins]: empty(),
    },
    layers: withWarmTwins([
      { id: LAYER.background, type: 'background', paint: { 'background-color': WATER } },
      {
        id: LAYER.land,
        type: 'fill',
        source: SOURCE.basemap,
        'source-layer': tileLayers.land,
        // The coasts' antialiased edge is a second shader, built in the frame that first draws the land:
        // ~20 ms of a frame the page waits on when the map is drawn on the CPU, where it is drawn at a
        // reduced resolution that the browser scales up anyway (render-scale.ts).
        paint: { 'fill-color': LAND, 'fill-antialias': !softwareGl },
      },
      {
        id: LAYER.shading,
        type: 'fill',
        source: SOURCE.shading,
        paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.8 },
      },
      {
        id: LAYER.countyBorders,
        type: 'line',
        source: SOURCE.basemap,
        'source-layer': tileLayers.countyBorders,
        minzoom: countyBordersFrom,
        paint: {
          'line-color': '#c8cbd0',
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.3, 10, 1],
        },
      },
      {
        id: LAYER.stateBorders,
        type: 'line',
        source: SOURCE.basemap,
        'source-layer': tileLayers.stateBorders,
        paint: {
          'line-color': '#8f96a0',
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 10, 1.6],
        },
      },
      {
        id: LAYER.regionsFill,
        type: 'fill',
        source: SOURCE.regions,
        layout: { visibility: 'none' },
        paint: {
          'fill-color': '#6d28d9',
          'fill-opacity': ['case', hovered, 0.16, 0.05],
        },
      },
      {
        id: LAYER.regionsLine,
        type: 'line',
        source: SOURCE.regions,
        layout: { visibility: 'none' },
        paint: { 'line-color': '#6d28d9', 'line-width': 1.2, 'line-dasharray': [3, 2] },
      },
      {
        id: LAYER.homeFill,
        type: 'fill',
        source: SOURCE.home,
        // No antialiased edge: the home line is drawn over it. On a CPU-drawn map, its shader cost ~15–25 ms
        // in the frame that first drew the home region (~90–130 ms in all, with the fill's and the line's).
        paint: { 'fill-color': '#1d4ed8', 'fill-opacity': 0.05, 'fill-antialias': false },
      },
      {
        id: LAYER.homeLine,
        type: 'line',
        source: SOURCE.home,
        paint: { 'line-color': '#1f2a37', 'line-width': 2.5 },
      },
      textLayer(LAYER.stateLabels, SOURCE.basemap, 13, '#4b5563', {
        maxzoom: 9,
        'source-layer': tileLayers.stateLabels,
      }),
      textLayer(LAYER.countyLabels, SOURCE.basemap, 11, '#6b7280', {
        minzoom: countyLabelsFrom,
        'source-layer': tileLayers.countyLabels,
      }),
      textLayer(LAYER.regionLabels, SOURCE.regionLabels, 12, '#5b21b6', {}, 'none'),
      // A public copy's county-to-county flows (its only links), under every other line.
      {
        id: LAYER.flows,
        type: 'line',
        source: SOURCE.flows,
        layout: { 'line-cap': 'round' },
        paint: { 'line-color': FLOW_COLOR, 'line-width': ['get', 'width'], 'line-opacity': 0.7 },
      },
      ...arcLayers(LAYER.gapArcs, LAYER.gapArcsCrossing, SOURCE.gapArcs),
      ...arcLayers(LAYER.arcs, LAYER.arcsCrossing, SOURCE.arcs),
      {
        // Draws nothing (a point of size 0) with the shader of the organizations' points and clusters, while
        // the map loads: the first draw of a shader builds it, which blocks a CPU-drawn map for ~150 ms.
        id: LAYER.warmUp,
        type: 'circle',
        source: SOURCE.warmUp,
        paint: {
          'circle-color': ['get', 'color'],
          'circle-opacity': ORG_OPACITY.clusters.shown,
          'circle-radius': ['get', 'size'],
          'circle-stroke-color': ['get', 'color'],
          'circle-stroke-width': ['get', 'size'],
        },
      },
      {
        id: LAYER.clusters,
        type: 'circle',
        source: SOURCE.orgs,
        filter: ['has', 'point_count'],
        // Hovered clusters darken. Feature-dependent color, stroke and width also give this layer the very
        // shader the organizations' points use, so that it is compiled with the first clusters drawn and
        // not on the first lone point (on a CPU-drawn map that compile blocks the page for ~150 ms).
        paint: {
          'circle-color': ['case', hovered, '#1e293b', '#334155'],
          'circle-opacity': ORG_OPACITY.clusters.shown,
          'circle-radius': ['step', ['get', 'point_count'], 12, 20, 16, 100, 21, 500, 27],
          // The ring says what a cluster holds (primes and training providers are never in one): the
          // manufacturers' blue, or the support organizations' purple when some are among them.
          'circle-stroke-color': [
            'case',
            hovered,
            '#111827',
            ['>', ['get', 'support'], 0],
            KIND_COLORS.support,
            KIND_COLORS.manufacturer,
          ],
          'circle-stroke-width': ['case', hovered, 2, ['>', ['get', 'support'], 0], 3, 2],
        },
      },
      {
        id: LAYER.clusterCount,
        type: 'symbol',
        source: SOURCE.orgs,
        filter: ['has', 'point_count'],
        layout: {
          'text-field': ['get', 'point_count_abbreviated'],
          'text-font': [FONT],
          'text-size': 12,
          'text-allow-overlap': true,
          // Counts sit on their circles and must not push state, county or region names off the map.
          'text-ignore-placement': true,
        },
        paint: { 'text-color': '#ffffff', 'text-opacity': ORG_OPACITY.counts.shown },
      },
      {
        id: LAYER.orgs,
        type: 'circle',
        source: SOURCE.orgs,
        filter: notCluster,
        paint: {
          'circle-color': kindColor,
          'circle-radius': ['case', hovered, ['+', ['get', 'r'], 2], ['get', 'r']],
          'circle-stroke-color': ['case', hovered, '#111827', '#ffffff'],
          'circle-stroke-width': ['case', hovered, 2, 1],
          'circle-opacity': ORG_OPACITY.points.shown,
          'circle-stroke-opacity': ORG_OPACITY.points.shown,
        },
      },
      {
        id: LAYER.gapOrgs,
        type: 'circle',
        source: SOURCE.gapOrgs,
        paint: {
          'circle-color': kindColor,
          'circle-radius': ['case', hovered, 8, 6],
          'circle-stroke-color': [
            'match',
            ['get', 'role'],
            'buyer',
            GAP_ROLE_COLORS.buyer,
            'supplier',
            GAP_ROLE_COLORS.supplier,
            GAP_ROLE_COLORS.both,
          ],
          'circle-stroke-width': 2.5,
        },
      },
      {
        id: LAYER.riskOrgs,
        type: 'circle',
        source: SOURCE.riskOrgs,
        paint: {
          'circle-color': kindColor,
          'circle-radius': ['match', ['get', 'role'], 'exposed', 8, 6],
          'circle-stroke-color': [
            'match',
            ['get', 'role'],
            'exposed',
            RISK_COLORS.exposed,
            RISK_COLORS['cut-off'],
          ],
          'circle-stroke-width': ['match', ['get', 'role'], 'exposed', 3.5, 2.5],
        },
      },
      {
        id: LAYER.selection,
        type: 'circle',
        source: SOURCE.selection,
        paint: {
          'circle-color': kindColor,
          'circle-radius': 7,
          'circle-stroke-color': '#111827',
          'circle-stroke-width': 3,
        },
      },
    ]),
  };
}

/**
 * The overlays a user's first action draws (a selection's arcs and ring, a gap, a risk, shading, flows,
 * the regions), each drawn once by a twin while the page is idle after its first picture
 * (warm-programs.ts): the first draw of a layer's shader builds it, which blocked a CPU-drawn map for
 * 150-450 ms at the first selection on a slow day. One per shader: the gap's arcs share the selection's.
 */
export const WARMED_LAYERS = [
  LAYER.selection,
  LAYER.arcs,
  LAYER.arcsCrossing,
  LAYER.gapOrgs,
  LAYER.riskOrgs,
  LAYER.shading,
  LAYER.flows,
  LAYER.regionsFill,
  LAYER.regionsLine,
] as const;

/** A warmed layer's twin: its id with this prefix. */
export const WARM_TWIN = 'warm:';

/**
 * The layers with the warmed layers' twins under everything (hidden until warmed): the same type, paint
 * and layout, so the same shader, drawing the warm-twins source. Under the opaque water, nothing they draw
 * is seen.
 */
function withWarmTwins(layers: LayerSpecification[]): LayerSpecification[] {
  const warmed: ReadonlySet<string> = new Set(WARMED_LAYERS);
  const twins = layers.flatMap((layer): LayerSpecification[] => {
    if (!warmed.has(layer.id) || !('source' in layer)) return [];
    const { filter: _filter, ...rest } = layer as LayerSpecification & { filter?: unknown };
    return [
      {
        ...rest,
        id: `${WARM_TWIN}${layer.id}`,
        source: SOURCE.warmTwins,
        layout: { ...rest.layout, visibility: 'none' },
      } as LayerSpecification,
    ];
  });
  return [...twins, ...hiddenAtFirst(layers)];
}
