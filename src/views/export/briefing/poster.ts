// The briefing poster: one A3 landscape page (vector SVG; pdf.ts turns it into a PDF) with the map, the
// network, the gap table and the dependency matrix of the current view, the legend, what the data is (title,
// region, source, as-of date, synthetic badge), the redaction profile and marking, and the permalink as text
// and as a QR code. Pure: runs under Node in tests.
import { escapeXmlText } from '../../../io/export/xml-text.ts';
import { sharingNotice } from '../../../io/redact.ts';
import { factsLine } from './facts.ts';
import type { ViewFacts } from './facts.ts';
import type { Figure } from './figures.ts';
import { FONT, n, qrFigure, text } from './figures.ts';

/** A3 landscape, in points. */
export const POSTER = { width: 1191, height: 842 } as const;
const MARGIN = 24;

/** Longest link given a QR code (byte mode, error correction M, version 40 holds 2,331 bytes). */
export const MAX_QR_CHARS = 2_000;

export interface BriefingInput extends ViewFacts {
  /** Figures fitted to the poster's boxes (see BRIEFING_BOXES); null where the view is not available. */
  map: Figure | null;
  network: Figure | null;
  gaps: Figure | null;
  matrix: Figure | null;
  legend: Figure;
}

/** Where each figure goes, so that the caller can make it that size. */
export const BRIEFING_BOXES = {
  map: { x: MARGIN, y: 66, width: 560, height: 370 },
  network: { x: 608, y: 66, width: 559, height: 370 },
  gaps: { x: MARGIN, y: 476, width: 560, height: 220 },
  matrix: { x: 608, y: 476, width: 420, height: 220 },
  legend: { x: MARGIN, y: 442, width: 560, height: 28 },
} as const;

const place = (figure: Figure, x: number, y: number) =>
  `<g transform="translate(${n(x)} ${n(y)})">\n${figure.body}\n</g>`;

function missing(box: { x: number; y: number; width: number; height: number }, message: string): string {
  return [
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" fill="#f9fafb" stroke="#d1d5db" stroke-width="0.6"/>`,
    text(box.x + box.width / 2, box.y + box.height / 2, message, {
      size: 10,
      anchor: 'middle',
      fill: '#6b7280',
    }),
  ].join('\n');
}

/** Splits `value` into lines of at most `width` characters (links have no spaces: cut anywhere). */
function chunks(value: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i += width) out.push(value.slice(i, i + width));
  return out;
}

/** The poster as one SVG document. */
export function briefingSvg(input: BriefingInput): string {
  const { width, height } = POSTER;
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  const notice = sharingNotice(input.sharing);
  if (notice !== null) {
    parts.push(`<rect width="${width}" height="16" fill="#1f2937"/>`);
    parts.push(text(MARGIN, 11.5, notice, { size: 8.5, weight: 'bold', fill: '#f9fafb' }));
  }
  parts.push(text(MARGIN, 38, input.title, { size: 18, weight: 'bold' }));
  const facts = factsLine(input);
  const room = 200;
  parts.push(
    text(MARGIN, 55, facts.length > room ? `${facts.slice(0, room - 1)}…` : facts, {
      size: 9,
      fill: '#374151',
    }),
  );
  if (input.synthetic) {
    const label = 'Synthetic sample data, not real firms';
    const w = label.length * 5 + 16;
    parts.push(
      `<rect x="${n(width - MARGIN - w)}" y="26" width="${n(w)}" height="16" rx="8" fill="#fde68a" stroke="#b45309" stroke-width="0.6"/>`,
    );
    parts.push(
      text(width - MARGIN - w / 2, 37.5, label, {
        size: 8.5,
        weight: 'bold',
        anchor: 'middle',
        fill: '#78350f',
      }),
    );
  }
  const boxes = BRIEFING_BOXES;
  parts.push(
    input.map === null
      ? missing(boxes.map, 'Open the map view to include the map')
      : place(input.map, boxes.map.x, boxes.map.y),
  );
  parts.push(
    input.network === null
      ? missing(boxes.network, 'Open the network view to include the network')
      : place(input.network, boxes.network.x, boxes.network.y),
  );
  parts.push(place(input.legend, boxes.legend.x, boxes.legend.y));
  parts.push(
    input.gaps === null
      ? missing(boxes.gaps, 'Choose a home region to include its gaps')
      : place(input.gaps, boxes.gaps.x, boxes.gaps.y),
  );
  if (input.matrix !== null) parts.push(place(input.matrix, boxes.matrix.x, boxes.matrix.y));

  // The permalink: a QR code in the bottom right corner, the text beside it.
  const qrSize = 110;
  const qrX = width - MARGIN - qrSize;
  const qrY = height - MARGIN - qrSize;
  if (input.permalink !== null && input.permalink.length <= MAX_QR_CHARS) {
    parts.push(
      text(qrX + qrSize / 2, qrY - 4, 'Scan for this view', { size: 8, weight: 'bold', anchor: 'middle' }),
    );
    parts.push(place(qrFigure(input.permalink, qrSize), qrX, qrY));
  }
  // The link in full when it fits six lines; a link carrying its data is too long to print (the QR has it
  // up to MAX_QR_CHARS).
  const perLine = 120;
  const linkLines =
    input.permalink === null
      ? [input.permalinkNote ?? 'No link.']
      : input.permalink.length <= perLine * 6
        ? chunks(input.permalink, perLine)
        : [
            ...chunks(input.permalink.slice(0, perLine * 5), perLine),
            `… (${input.permalink.length.toLocaleString('en-US')} characters in all: the link carries its data)`,
          ];
  const linkLeft = MARGIN;
  const linkTop = height - MARGIN - 10 * linkLines.length - 14;
  parts.push(text(linkLeft, linkTop, 'Link to this view', { size: 8, weight: 'bold' }));
  linkLines.forEach((line, i) => {
    parts.push(text(linkLeft, linkTop + 11 + i * 10, line, { size: 7, family: 'Courier, monospace' }));
  });
  parts.push(
    text(
      qrX - 10,
      height - MARGIN,
      `Made with Forgemap on ${input.madeOn}. Boundaries: US Census Bureau (us-atlas).`,
      {
        size: 7,
        anchor: 'end',
        fill: '#6b7280',
      },
    ),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}pt" height="${height}pt" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeXmlText(`Forgemap briefing: ${input.title}`)}</title>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
