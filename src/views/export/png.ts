// PNG export of a view: the view's canvases drawn onto an offscreen 2D canvas, with a legend box and a
// caption strip below, as laid out by png-layout.ts. Used for the map (MapLibre) and the network (sigma).
import type { LegendEntry, PngLayout } from './png-layout.ts';
import { layoutPng } from './png-layout.ts';

/**
 * The network's label font when NetworkView has loaded it (see network/label-font.ts), else Noto Sans or
 * the system's: the caption then matches the labels in the picture.
 */
const FONT_FAMILY = '"Forgemap Noto Sans", "Noto Sans", system-ui, sans-serif';
const INK = '#1f2a37';
const INK_SOFT = '#4b5563';
const LINE = '#d9dde3';
const CARD = '#ffffff';
const PAPER = '#f7f7f5';

export interface PngOptions {
  legend: readonly LegendEntry[];
  caption: string;
  /** Painted under the image: sigma's canvases are transparent. Default white. */
  background?: string;
  /** Output pixels per CSS pixel; by default read from the first layer (its pixel width / CSS width). */
  scale?: number;
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
type Surface =
  | { canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D }
  | {
      canvas: HTMLCanvasElement;
      ctx: CanvasRenderingContext2D;
    };

function surface(width: number, height: number): Surface | null {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx !== null) return { canvas, ctx };
  }
  // A detached <canvas> is the fallback where OffscreenCanvas has no 2D context.
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  return ctx === null ? null : { canvas, ctx };
}

function toBlob(target: Surface): Promise<Blob | null> {
  if ('convertToBlob' in target.canvas) {
    return target.canvas.convertToBlob({ type: 'image/png' }).catch(() => null);
  }
  const canvas = target.canvas;
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

function pixelRatio(canvas: HTMLCanvasElement): number {
  const css = canvas.clientWidth;
  return css > 0 ? canvas.width / css : 1;
}

function drawLegend(ctx: Context2D, layout: PngLayout) {
  const legend = layout.legend;
  if (legend === null) return;
  ctx.fillStyle = CARD;
  ctx.fillRect(legend.x, legend.y, legend.width, legend.height);
  ctx.fillStyle = LINE;
  ctx.fillRect(legend.x, legend.y, legend.width, Math.max(1, Math.round(layout.fontPx.legend / 13)));
  ctx.font = `${layout.fontPx.legend}px ${FONT_FAMILY}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const row of legend.rows) {
    const { x, y, size } = row.swatch;
    ctx.fillStyle = row.color;
    if (row.shape === 'line') {
      const thickness = Math.max(2, Math.round(size / 4));
      ctx.fillRect(x, y + Math.round((size - thickness) / 2), size, thickness);
    } else {
      ctx.beginPath();
      ctx.arc(x + size / 2, y + size / 2, size / 2, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.fillStyle = INK;
    ctx.fillText(row.label, row.textX, row.textY);
  }
}

function drawCaption(ctx: Context2D, layout: PngLayout) {
  const { caption } = layout;
  ctx.fillStyle = PAPER;
  ctx.fillRect(caption.x, caption.y, caption.width, caption.height);
  ctx.font = `${layout.fontPx.caption}px ${FONT_FAMILY}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillStyle = INK_SOFT;
  for (const line of caption.lines) ctx.fillText(line.text, line.x, line.y);
}

/**
 * Draws `layers` (canvases of equal pixel size, bottom first) with the legend and caption under them and
 * encodes the result as PNG. Everything is drawn before the first await: a WebGL canvas without
 * preserveDrawingBuffer only holds its pixels until the browser composites the frame. Null when the view
 * has no pixels (hidden, size 0) or the browser cannot make a canvas.
 */
export function composePng(layers: readonly HTMLCanvasElement[], options: PngOptions): Promise<Blob | null> {
  const first = layers[0];
  if (first === undefined || first.width === 0 || first.height === 0) return Promise.resolve(null);
  const width = first.width;
  const height = first.height;

  // Measuring needs a context with the right font; a 1×1 surface is enough.
  const probe = surface(1, 1);
  if (probe === null) return Promise.resolve(null);
  const measure = (text: string, fontPx: number) => {
    probe.ctx.font = `${fontPx}px ${FONT_FAMILY}`;
    return probe.ctx.measureText(text).width;
  };
  const layout = layoutPng({
    imageWidth: width,
    imageHeight: height,
    legend: options.legend,
    caption: options.caption,
    measure,
    scale: options.scale ?? pixelRatio(first),
  });

  const target = surface(layout.width, layout.height);
  if (target === null) return Promise.resolve(null);
  const { ctx } = target;
  ctx.fillStyle = options.background ?? CARD;
  ctx.fillRect(0, 0, layout.width, layout.height);
  for (const layer of layers) {
    if (layer.width === 0 || layer.height === 0) continue;
    ctx.drawImage(layer, 0, 0, layer.width, layer.height, 0, 0, width, height);
  }
  drawLegend(ctx, layout);
  drawCaption(ctx, layout);
  return toBlob(target);
}

/**
 * The map as PNG. MapLibre's canvas is created with `preserveDrawingBuffer: true` (MapView.tsx), so its
 * pixels can be read at any time: pass `map.getCanvas()`.
 */
export function mapPngFromCanvas(
  canvas: HTMLCanvasElement,
  legend: readonly LegendEntry[],
  caption: string,
): Promise<Blob | null> {
  return composePng([canvas], { legend, caption });
}

/** What the network export needs of a sigma 3 instance (a `Sigma` is one). */
export interface SigmaCanvases {
  refresh(): unknown;
  getCanvases(): Record<string, HTMLCanvasElement>;
}

/** Sigma's pointer-capture layer: always blank. */
const SKIPPED_LAYERS = new Set(['mouse']);

/**
 * The network as PNG: sigma 3 draws on stacked canvases (edges, edge labels, nodes, labels, hovers, hover
 * nodes, mouse), listed by `getCanvases()` in stacking order; they are composed bottom first on white, as
 * the view shows them. Its WebGL layers do not preserve their drawing buffer, so the graph is rendered
 * again synchronously (`refresh`) and copied in the same task.
 */
export function networkPngFromSigma(
  sigma: SigmaCanvases,
  legend: readonly LegendEntry[],
  caption: string,
): Promise<Blob | null> {
  sigma.refresh();
  const layers = Object.entries(sigma.getCanvases())
    .filter(([id]) => !SKIPPED_LAYERS.has(id))
    .map(([, canvas]) => canvas);
  return composePng(layers, { legend, caption, background: CARD });
}
