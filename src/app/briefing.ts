// The briefing of the current view (views/export/briefing), loaded on first use: reads what is on screen (the map's camera and
// basemap, the network's layout, the analysis) into vector figures, and makes the poster (SVG and PDF) and
// an SVG of each figure. Made from the shared copy the sharing choice allows, with its link.
import type { Feature, GeoJSON, MultiPolygon, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type Sigma from 'sigma';
import type { Bundle, Organization } from '../domain/model.ts';
import { carriedAnalysis } from '../io/public/redact-public.ts';
import { countKinds } from '../domain/model.ts';
import type { DatasetView } from '../views/contracts.ts';
import {
  GAP_COLUMNS,
  gapRows,
  gapsFigure,
  matrixFigure,
  matrixTable,
} from '../views/export/briefing/content.ts';
import { factsLine } from '../views/export/briefing/facts.ts';
import type { ViewFacts } from '../views/export/briefing/facts.ts';
import { standaloneHtml } from '../views/export/briefing/standalone.ts';
import type { Figure, MapPoint, NetworkNode } from '../views/export/briefing/figures.ts';
import { figureSvg, legendFigure, mapFigure, networkFigure } from '../views/export/briefing/figures.ts';
import { briefingPdf } from '../views/export/briefing/pdf.ts';
import { BRIEFING_BOXES, briefingSvg } from '../views/export/briefing/poster.ts';
import type { Briefing } from '../views/export/export-items.ts';
import { kindLegend } from '../views/export/legend.ts';
import { KIND_COLORS, SOURCE } from '../views/map/style.ts';
import { BASEMAP_TILES } from '../views/map/basemap.ts';
import { basemapGeoJson } from '../views/map/controllers/useCounties.ts';
import type { ShareLink } from './ShareControl.tsx';
import { isRedacting } from './sharing.ts';
import type { SharingChoice } from './sharing.ts';

/** Points drawn on the briefing's map at most (the densest views keep every n-th). */
const MAX_MAP_POINTS = 20_000;

async function sourceData(map: MaplibreMap, id: string): Promise<GeoJSON | undefined> {
  const source = map.getSource<GeoJSONSource>(id);
  return source === undefined ? undefined : source.getData();
}

/** The organizations a map figure draws: positions (lon, lat interleaved), who is shown, and their kinds. */
interface MapOrgs {
  coords: ArrayLike<number>;
  visible: ArrayLike<number>;
  organizations: readonly Organization[];
}

/** A public copy's organizations where the copy places them (their county), all of them. */
function copyOrgs(copy: Bundle): MapOrgs {
  return {
    coords: copy.organizations.flatMap((org) => [org.lon ?? Number.NaN, org.lat ?? Number.NaN]),
    visible: copy.organizations.map(() => 1),
    organizations: copy.organizations,
  };
}

async function mapOf(map: MaplibreMap, orgs: MapOrgs): Promise<Figure> {
  const box = BRIEFING_BOXES.map;
  const b = map.getBounds();
  const bounds: [number, number, number, number] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  // The map draws its basemap from tiles; the figure draws the same shapes from their GeoJSON.
  const [basemap, home] = await Promise.all([basemapGeoJson(), sourceData(map, SOURCE.home)]);
  const land: Feature<Polygon | MultiPolygon>[] = basemap.states.features;
  const { stateBorders } = basemap;
  const countyBorders = map.getZoom() >= BASEMAP_TILES.countyBordersFrom ? basemap.countyBorders : undefined;
  const { coords } = orgs;
  const inView: number[] = [];
  orgs.organizations.forEach((_, i) => {
    const lon = coords[2 * i]!;
    const lat = coords[2 * i + 1]!;
    if (orgs.visible[i] === 1 && lon >= bounds[0] && lon <= bounds[2] && lat >= bounds[1] && lat <= bounds[3])
      inView.push(i);
  });
  const step = Math.max(1, Math.ceil(inView.length / MAX_MAP_POINTS));
  const points: MapPoint[] = [];
  for (let k = 0; k < inView.length; k += step) {
    const i = inView[k]!;
    points.push({
      lon: coords[2 * i]!,
      lat: coords[2 * i + 1]!,
      color: KIND_COLORS[orgs.organizations[i]!.kind],
    });
  }
  return mapFigure({
    width: box.width,
    height: box.height,
    bounds,
    land,
    stateBorders: stateBorders.geometry,
    countyBorders: countyBorders?.geometry,
    home,
    points,
  });
}

/** The network as the view draws it: sigma's display data (after the view's highlights and filters). */
function networkOf(sigma: Sigma): Figure {
  const graph = sigma.getGraph();
  const index = new Map<string, number>();
  const nodes: NetworkNode[] = [];
  graph.forEachNode((id) => {
    const shown = sigma.getNodeDisplayData(id);
    if (shown === undefined || shown.hidden) return;
    index.set(id, nodes.length);
    nodes.push({
      x: shown.x,
      y: shown.y,
      size: shown.size,
      color: shown.color,
      label: shown.label ?? undefined,
    });
  });
  const edges: [number, number][] = [];
  graph.forEachEdge((id, _, source, target) => {
    if (sigma.getEdgeDisplayData(id)?.hidden === true) return;
    const a = index.get(source);
    const b = index.get(target);
    if (a !== undefined && b !== undefined) edges.push([a, b]);
  });
  const box = BRIEFING_BOXES.network;
  return networkFigure({ width: box.width, height: box.height, nodes, edges });
}

export interface BriefingSources {
  data: DatasetView | null;
  /** The bundle as shared (the sharing choice applied). */
  shared: Bundle | undefined;
  regionName: string | undefined;
  mapEngine: MaplibreMap | null;
  sigmaEngine: Sigma | null;
  choice: SharingChoice;
  buildLink: (embed: boolean, choice: SharingChoice) => Promise<ShareLink>;
}

export async function makeBriefing(sources: BriefingSources): Promise<Briefing> {
  const { data, shared, regionName, mapEngine, sigmaEngine, choice, buildLink } = sources;

  if (data === null || shared === undefined) throw new Error('no dataset is open');
  const { meta } = shared;
  const sharing = meta.sharing;
  const names = new Map<string, string>(shared.organizations.map((o) => [o.id, o.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  // A public copy's briefing is drawn from the copy alone: its county-placed organizations and its carried
  // gap list; the screen's network and matrix name the firms, so they are left out.
  const isPublic = sharing?.profile === 'public';
  const shown = isPublic ? carriedAnalysis(shared, sharing.public?.region ?? null, null) : data.analysis;
  const analysis = shown?.region != null ? shown : null;
  const orgs = isPublic
    ? copyOrgs(shared)
    : { coords: data.positions.coords, visible: data.visible, organizations: data.bundle.organizations };
  const map = mapEngine === null ? null : await mapOf(mapEngine, orgs);
  const network = sigmaEngine === null || isPublic ? null : networkOf(sigmaEngine);
  const gaps = analysis === null ? null : gapsFigure(analysis, sharing, BRIEFING_BOXES.gaps.width, 14);
  const matrix =
    analysis === null || isPublic
      ? null
      : matrixFigure(analysis, nameOf, data.label, BRIEFING_BOXES.matrix.width, 14);
  const legend = legendFigure(kindLegend(countKinds(shared.organizations)), BRIEFING_BOXES.legend.width);
  const link = await buildLink(isRedacting(choice), choice);
  const facts: ViewFacts = {
    title: meta.title,
    region: regionName,
    asOf: meta.asOf,
    source: meta.source,
    synthetic: meta.synthetic,
    sharing,
    permalink: link.href === '' ? null : link.href,
    permalinkNote: link.problem ?? undefined,
    madeOn: new Date().toISOString().slice(0, 10),
  };
  const poster = briefingSvg({ ...facts, map, network, gaps, matrix, legend });
  const figures: Record<string, string> = { 'briefing.svg': poster };
  for (const [name, figure] of Object.entries({ map, network, gaps, matrix, legend }))
    if (figure !== null) figures[`${name}.svg`] = figureSvg(figure);
  const standalone = standaloneHtml({
    ...facts,
    map,
    network,
    legend,
    gaps:
      analysis === null
        ? null
        : { headers: GAP_COLUMNS.map((c) => c.header), rows: gapRows(analysis, sharing) },
    matrix: analysis === null || isPublic ? null : matrixTable(analysis, nameOf, data.label, 12),
  });
  const pdf = () =>
    briefingPdf(poster, {
      title: `Forgemap briefing: ${meta.title}`,
      subject: `${factsLine(facts)}${meta.synthetic ? ' · synthetic sample data' : ''}`,
      keywords: link.href,
    });
  return { pdf, figures, standalone };
}
