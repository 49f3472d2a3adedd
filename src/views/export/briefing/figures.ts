// The briefing's figures as SVG, from data (no screenshot): text stays text and lines stay lines at any size.
// Each figure is a body of SVG elements in its own box, drawn standalone (figureSvg, the "SVG of each figure")
// or placed on the poster (poster.ts). Pure: runs under Node in tests.
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, GeoJSON, Geometry, MultiLineString, Polygon, MultiPolygon } from 'geojson';
import qrcode from 'qrcode-generator';
import { escapeXmlAttribute, escapeXmlText } from '../../../io/export/xml-text.ts';

export interface Figure {
  title: string;
  width: number;
  height: number;
  /** SVG elements drawn in [0, width] × [0, height]. */
  body: string;
}

/** A number for SVG output: two decimals at most, no "-0". */
export const n = (value: number): string => {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
};

export const FONT = 'Helvetica, Arial, sans-serif';

/** A text element (escaped; never markup). */
export function text(
  x: number,
  y: number,
  content: string,
  style: {
    size?: number;
    weight?: 'bold';
    anchor?: 'start' | 'middle' | 'end';
    fill?: string;
    family?: string;
  } = {},
): string {
  const attributes = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    `font-family="${escapeXmlAttribute(style.family ?? FONT)}"`,
    `font-size="${n(style.size ?? 10)}"`,
    style.weight === 'bold' ? 'font-weight="bold"' : '',
    style.anchor !== undefined && style.anchor !== 'start' ? `text-anchor="${style.anchor}"` : '',
    `fill="${escapeXmlAttribute(style.fill ?? '#1f2937')}"`,
  ].filter((a) => a !== '');
  return `<text ${attributes.join(' ')}>${escapeXmlText(content)}</text>`;
}

/** A whole SVG document of one figure. */
export function figureSvg(figure: Figure): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(figure.width)}" height="${n(figure.height)}" viewBox="0 0 ${n(figure.width)} ${n(figure.height)}">`,
    `<title>${escapeXmlText(figure.title)}</title>`,
    `<rect width="${n(figure.width)}" height="${n(figure.height)}" fill="#ffffff"/>`,
    figure.body,
    '</svg>',
    '',
  ].join('\n');
}

/** The thin border around a figure. */
const frameRect = (width: number, height: number) =>
  `<rect width="${n(width)}" height="${n(height)}" fill="none" stroke="#9ca3af" stroke-width="0.6"/>`;

export interface MapPoint {
  lon: number;
  lat: number;
  color: string;
}

export interface MapFigureInput {
  width: number;
  height: number;
  /** The view: [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** Land, drawn filled. */
  land?: Feature<Polygon | MultiPolygon>[] | undefined;
  stateBorders?: MultiLineString | undefined;
  /** Drawn only when given (the map shows them from zoom 5). */
  countyBorders?: MultiLineString | undefined;
  /** The home region's outline (a geometry, feature or collection). */
  home?: GeoJSON | undefined;
  points: readonly MapPoint[];
}

/** The map as vector: Web Mercator fitted to the view's bounds, everything clipped to the box. */
export function mapFigure(input: MapFigureInput): Figure {
  const { width, height, bounds } = input;
  const [west, south, east, north] = bounds;
  const frame: Feature<Polygon> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [west, north],
          [east, north],
          [east, south],
          [west, south],
        ],
      ],
    },
  };
  const projection = geoMercator()
    .fitExtent(
      [
        [0, 0],
        [width, height],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(projection).digits(2);
  const parts: string[] = [`<rect width="${n(width)}" height="${n(height)}" fill="#dbe7f0"/>`];
  for (const shape of input.land ?? []) {
    const d = path(shape);
    if (d) parts.push(`<path d="${d}" fill="#f4f3ee"/>`);
  }
  const line = (geometry: Geometry | GeoJSON | undefined, stroke: string, widthPt: number, fill = 'none') => {
    if (geometry === undefined) return;
    const d = path(geometry);
    if (d) parts.push(`<path d="${d}" fill="${fill}" stroke="${stroke}" stroke-width="${n(widthPt)}"/>`);
  };
  line(input.countyBorders, '#c8cbd0', 0.4);
  line(input.stateBorders, '#8b9099', 0.8);
  line(input.home, '#b45309', 1.6);
  for (const point of input.points) {
    const at = projection([point.lon, point.lat]);
    if (at === null) continue;
    const [x, y] = at;
    if (x < 0 || y < 0 || x > width || y > height) continue;
    parts.push(
      `<circle cx="${n(x)}" cy="${n(y)}" r="2.2" fill="${escapeXmlAttribute(point.color)}" stroke="#ffffff" stroke-width="0.4"/>`,
    );
  }
  parts.push(frameRect(width, height));
  return { title: 'Map', width, height, body: parts.join('\n') };
}

export interface NetworkNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label?: string | undefined;
}

export interface NetworkFigureInput {
  width: number;
  height: number;
  nodes: readonly NetworkNode[];
  /** Pairs of node indices. */
  edges: readonly (readonly [number, number])[];
  /** How many labels at most: the largest nodes get them. */
  maxLabels?: number | undefined;
}

/** The network as vector: the nodes' layout positions fitted to the box (y up, as the network view draws it). */
export function networkFigure(input: NetworkFigureInput): Figure {
  const { width, height, nodes } = input;
  const margin = 12;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    minX = Math.min(minX, node.x);
    maxX = Math.max(maxX, node.x);
    minY = Math.min(minY, node.y);
    maxY = Math.max(maxY, node.y);
  }
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  // Each axis fills the box, as the network view spreads a layout across its pane (a tier layout is much
  // taller than wide), but neither is stretched more than 3× the other.
  let scaleX = (width - 2 * margin) / spanX;
  let scaleY = (height - 2 * margin) / spanY;
  scaleX = Math.min(scaleX, scaleY * 3);
  scaleY = Math.min(scaleY, scaleX * 3);
  const offsetX = (width - spanX * scaleX) / 2;
  const offsetY = (height - spanY * scaleY) / 2;
  const at = (node: NetworkNode): [number, number] => [
    offsetX + (node.x - minX) * scaleX,
    height - (offsetY + (node.y - minY) * scaleY),
  ];
  const placed = nodes.map(at);
  const parts: string[] = [`<rect width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`];
  // All edges in one path: one element however many there are.
  let d = '';
  for (const [a, b] of input.edges) {
    const p = placed[a];
    const q = placed[b];
    if (p === undefined || q === undefined) continue;
    d += `M${n(p[0])} ${n(p[1])}L${n(q[0])} ${n(q[1])}`;
  }
  if (d !== '')
    parts.push(`<path d="${d}" fill="none" stroke="#94a3b8" stroke-width="0.35" stroke-opacity="0.7"/>`);
  const radius = (node: NetworkNode) => Math.max(1.2, Math.min(6, node.size / 2));
  nodes.forEach((node, i) => {
    const [x, y] = placed[i]!;
    parts.push(
      `<circle cx="${n(x)}" cy="${n(y)}" r="${n(radius(node))}" fill="${escapeXmlAttribute(node.color)}" stroke="#ffffff" stroke-width="0.3"/>`,
    );
  });
  const labelled = nodes
    .map((node, i) => ({ node, i }))
    .filter(({ node }) => node.label !== undefined && node.label !== '')
    .sort((a, b) => b.node.size - a.node.size)
    .slice(0, input.maxLabels ?? 24);
  // Largest first; a label that would overlap one already placed is left out.
  const taken: [number, number, number, number][] = [];
  for (const { node, i } of labelled) {
    const [x, y] = placed[i]!;
    const left = x + radius(node) + 1.5;
    const box: [number, number, number, number] = [left, y - 4, left + node.label!.length * 3.4, y + 3.5];
    if (taken.some((t) => box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3])) continue;
    taken.push(box);
    parts.push(text(left, y + 2.5, node.label!, { size: 6.5 }));
  }
  parts.push(frameRect(width, height));
  return { title: 'Network', width, height, body: parts.join('\n') };
}

export interface TableColumn {
  header: string;
  /** Share of the table's width. */
  width: number;
  align?: 'start' | 'end' | undefined;
}

/** Shortens `value` to about `max` characters with an ellipsis. */
const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/** A table as text rows: a header and up to as many rows as fit; says how many were left out. */
export function tableFigure(
  title: string,
  width: number,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  maxRows: number,
): Figure {
  const rowHeight = 12;
  const shown = rows.slice(0, maxRows);
  const height = 18 + rowHeight * (shown.length + 1) + (rows.length > shown.length ? rowHeight : 0) + 4;
  const parts: string[] = [text(0, 11, title, { size: 10, weight: 'bold' })];
  const xs: number[] = [];
  let x = 0;
  for (const column of columns) {
    xs.push(x);
    x += column.width * width;
  }
  const cell = (row: readonly string[], y: number, bold: boolean) =>
    columns.forEach((column, c) => {
      const left = xs[c]!;
      const right = left + column.width * width - 4;
      const chars = Math.max(4, Math.floor((column.width * width) / 4.2));
      parts.push(
        text(column.align === 'end' ? right : left, y, clip(row[c] ?? '', chars), {
          size: 7.5,
          ...(bold ? { weight: 'bold' as const } : {}),
          ...(column.align === 'end' ? { anchor: 'end' as const } : {}),
        }),
      );
    });
  let y = 18 + rowHeight - 3;
  cell(
    columns.map((c) => c.header),
    y,
    true,
  );
  parts.push(
    `<line x1="0" y1="${n(y + 3)}" x2="${n(width)}" y2="${n(y + 3)}" stroke="#9ca3af" stroke-width="0.5"/>`,
  );
  for (const row of shown) {
    y += rowHeight;
    cell(row, y, false);
  }
  if (rows.length > shown.length) {
    y += rowHeight;
    parts.push(
      text(0, y, `… and ${(rows.length - shown.length).toLocaleString('en-US')} more (in the CSV export)`, {
        size: 7,
        fill: '#6b7280',
      }),
    );
  }
  return { title, width, height, body: parts.join('\n') };
}

/** A legend of colored dots. */
export function legendFigure(entries: readonly { color: string; label: string }[], width: number): Figure {
  const parts: string[] = [];
  let x = 0;
  let y = 8;
  for (const entry of entries) {
    const w = 16 + entry.label.length * 4.4;
    if (x > 0 && x + w > width) {
      x = 0;
      y += 13;
    }
    parts.push(
      `<circle cx="${n(x + 4)}" cy="${n(y - 2.5)}" r="3.5" fill="${escapeXmlAttribute(entry.color)}"/>`,
    );
    parts.push(text(x + 11, y, entry.label, { size: 8 }));
    x += w;
  }
  return { title: 'Legend', width, height: y + 5, body: parts.join('\n') };
}

/** The QR code of `data` as SVG squares (one path), `size` wide; error correction M. */
export function qrFigure(data: string, size: number): Figure {
  const code = qrcode(0, 'M');
  code.addData(data, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const quiet = 2;
  const cell = size / (count + 2 * quiet);
  let d = '';
  for (let row = 0; row < count; row++)
    for (let col = 0; col < count; col++)
      if (code.isDark(row, col))
        d += `M${n((col + quiet) * cell)} ${n((row + quiet) * cell)}h${n(cell)}v${n(cell)}h${n(-cell)}z`;
  return {
    title: 'Permalink (QR code)',
    width: size,
    height: size,
    body: `<rect width="${n(size)}" height="${n(size)}" fill="#ffffff"/><path d="${d}" fill="#000000"/>`,
  };
}
