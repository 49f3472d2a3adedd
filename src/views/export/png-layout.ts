// Where the parts of an exported PNG go: the view's image on top, a legend box below it, then a caption
// strip. Pure (text widths come from a measure function), so the layout is tested without a canvas.
import { sharingNotice } from '../../io/redact.ts';
import type { BundleMeta } from '../../domain/model.ts';

export interface LegendEntry {
  /** Any CSS color the 2D canvas accepts. */
  color: string;
  label: string;
  /** A dot for kinds of organizations (the default), a line for kinds of links. */
  shape?: 'dot' | 'line' | undefined;
}

/** Width in pixels of `text` drawn at `fontPx` pixels (CanvasRenderingContext2D.measureText in the app). */
export type MeasureText = (text: string, fontPx: number) => number;

export interface PngLayoutInput {
  /** Size of the view's image in output pixels (the source canvas's pixel size). */
  imageWidth: number;
  imageHeight: number;
  legend: readonly LegendEntry[];
  caption: string;
  measure: MeasureText;
  /** Multiplies fonts, swatches and spacing: the device pixel ratio the image was drawn at. */
  scale?: number;
}

export interface LegendRow {
  /** The swatch's box. */
  swatch: { x: number; y: number; size: number };
  /** Left end and baseline-middle of the label text. */
  textX: number;
  textY: number;
  label: string;
  color: string;
  shape: 'dot' | 'line';
}

export interface TextLine {
  text: string;
  x: number;
  /** Vertical middle of the line (draw with textBaseline = "middle"). */
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PngLayout {
  width: number;
  height: number;
  image: Box;
  /** Null when there are no legend entries. */
  legend: (Box & { rows: LegendRow[] }) | null;
  caption: Box & { lines: TextLine[] };
  fontPx: { legend: number; caption: number };
}

/** Sizes in CSS pixels at scale 1. */
const PAD = 12;
const LEGEND_FONT = 13;
const CAPTION_FONT = 13;
const SWATCH = 12;
const SWATCH_GAP = 6;
const ITEM_GAP = 18;
const ROW_HEIGHT = 22;
const CAPTION_LINE = 18;
const ELLIPSIS = '…';

/**
 * `text` cut at the end with an ellipsis so that it fits `maxWidth`; the whole text when it fits. Cuts
 * between code points, never inside a surrogate pair.
 */
export function truncateText(text: string, maxWidth: number, fontPx: number, measure: MeasureText): string {
  if (measure(text, fontPx) <= maxWidth) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  // The longest prefix that fits with the ellipsis, by bisection: measureText is the slow part.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, mid).join('') + ELLIPSIS, fontPx) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? ELLIPSIS : chars.slice(0, low).join('').trimEnd() + ELLIPSIS;
}

/**
 * Greedy word wrap: words separated by white space fill each line up to `maxWidth`; a word longer than a
 * line is broken between characters. Explicit line breaks in the text are kept. Never returns no lines.
 */
export function wrapText(text: string, maxWidth: number, fontPx: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    const words = paragraph.split(/\s+/).filter((w) => w !== '');
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate, fontPx) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      // A word wider than the line (a long URL) is broken where it must be.
      let rest = Array.from(word);
      while (rest.length > 0 && measure(rest.join(''), fontPx) > maxWidth) {
        let n = rest.length - 1;
        while (n > 1 && measure(rest.slice(0, n).join(''), fontPx) > maxWidth) n--;
        lines.push(rest.slice(0, Math.max(n, 1)).join(''));
        rest = rest.slice(Math.max(n, 1));
      }
      line = rest.join('');
    }
    lines.push(line);
  }
  // Trailing empty lines from a final line break say nothing.
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Legend entries flow left to right in rows and wrap at the image's width; a label too long for a row of
 * its own is truncated. The caption wraps to the same width. Everything is in whole output pixels.
 */
export function layoutPng(input: PngLayoutInput): PngLayout {
  const scale = input.scale !== undefined && input.scale > 0 ? input.scale : 1;
  const s = (n: number) => Math.round(n * scale);
  const width = Math.max(1, Math.round(input.imageWidth));
  const imageHeight = Math.max(0, Math.round(input.imageHeight));
  const pad = s(PAD);
  const inner = Math.max(1, width - 2 * pad);
  const legendFont = s(LEGEND_FONT);
  const captionFont = s(CAPTION_FONT);
  const swatch = s(SWATCH);
  const swatchGap = s(SWATCH_GAP);
  const itemGap = s(ITEM_GAP);
  const rowHeight = s(ROW_HEIGHT);

  let y = imageHeight;
  let legend: PngLayout['legend'] = null;
  if (input.legend.length > 0) {
    const top = y;
    const rows: LegendRow[] = [];
    let x = pad;
    let row = 0;
    for (const entry of input.legend) {
      const maxLabel = Math.max(1, inner - swatch - swatchGap);
      const label = truncateText(entry.label, maxLabel, legendFont, input.measure);
      const itemWidth = swatch + swatchGap + Math.ceil(input.measure(label, legendFont));
      if (x > pad && x + itemWidth > pad + inner) {
        row++;
        x = pad;
      }
      const middle = top + pad + row * rowHeight + Math.round(rowHeight / 2);
      rows.push({
        swatch: { x, y: middle - Math.round(swatch / 2), size: swatch },
        textX: x + swatch + swatchGap,
        textY: middle,
        label,
        color: entry.color,
        shape: entry.shape ?? 'dot',
      });
      x += itemWidth + itemGap;
    }
    const height = 2 * pad + (row + 1) * rowHeight;
    legend = { x: 0, y: top, width, height, rows };
    y += height;
  }

  const lineHeight = s(CAPTION_LINE);
  const captionTop = y;
  const wrapped = wrapText(input.caption, inner, captionFont, input.measure);
  const captionPad = legend === null ? pad : Math.round(pad / 2);
  const lines = wrapped.map((text, i) => ({
    text,
    x: pad,
    y: captionTop + captionPad + i * lineHeight + Math.round(lineHeight / 2),
  }));
  const captionHeight = captionPad + pad + wrapped.length * lineHeight;

  return {
    width,
    height: captionTop + captionHeight,
    image: { x: 0, y: 0, width, height: imageHeight },
    legend,
    caption: { x: 0, y: captionTop, width, height: captionHeight, lines },
    fontPx: { legend: legendFont, caption: captionFont },
  };
}

export interface CaptionInput {
  meta: Pick<BundleMeta, 'title' | 'asOf' | 'synthetic' | 'source' | 'sharing'>;
  /** "Map" or "Network". */
  view: string;
  /** The home region's name, when one is chosen. */
  region?: string | undefined;
  /** Credits for what the image shows besides the data, e.g. the map's boundaries. */
  attribution?: string | undefined;
}

/**
 * The caption under an exported image: the view, the data and its date, "synthetic sample data" when it
 * is, and the source, so the picture keeps saying what it shows wherever it is pasted.
 */
export function pngCaption({ meta, view, region, attribution }: CaptionInput): string {
  const what = region === undefined || region === '' ? meta.title : `${meta.title}, ${region}`;
  const notice = sharingNotice(meta.sharing);
  return [
    notice === null ? '' : sentence(notice),
    `Forgemap ${view.toLowerCase()}: ${what}. Data as of ${meta.asOf}.`,
    meta.synthetic ? 'Synthetic sample data, not real firms.' : '',
    sentence(`Source: ${meta.source}`),
    attribution === undefined || attribution === '' ? '' : sentence(attribution),
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/** Ends `text` with a full stop unless it already ends with one (or another closing mark). */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`;
}
