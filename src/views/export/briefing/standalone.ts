// The standalone view: one HTML file that opens from disk on any machine, with no network and no script,
// showing the shared view read-only: the map and network as vector figures, the full gap list and the
// dependency matrix as tables, the data's facts, the sharing profile and marking, and the link. Made from the
// shared copy only (the redaction is already applied to everything it holds). Its own Content-Security-Policy
// forbids every request, so even a hand-edited copy cannot reach the network. Pure: runs under Node in tests.
import { escapeXmlAttribute, escapeXmlText } from '../../../io/export/xml-text.ts';
import { sharingNotice } from '../../../io/redact.ts';
import { factsLine } from './facts.ts';
import type { ViewFacts } from './facts.ts';
import type { Figure } from './figures.ts';
import { n, qrFigure } from './figures.ts';
import { MAX_QR_CHARS } from './poster.ts';

export interface StandaloneInput extends ViewFacts {
  map: Figure | null;
  network: Figure | null;
  legend: Figure;
  gaps: { headers: readonly string[]; rows: readonly (readonly string[])[] } | null;
  matrix: { headers: readonly string[]; rows: readonly (readonly string[])[] } | null;
}

/** Nothing may be fetched: no script, no font, no image from anywhere; inline styles and data: images only. */
export const STANDALONE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const html = escapeXmlText;

function inlineSvg(figure: Figure, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXmlAttribute(label)}" viewBox="0 0 ${n(figure.width)} ${n(figure.height)}" width="${n(figure.width)}" height="${n(figure.height)}">${figure.body}</svg>`;
}

function table(caption: string, data: { headers: readonly string[]; rows: readonly (readonly string[])[] }) {
  const head = data.headers.map((h) => `<th scope="col">${html(h)}</th>`).join('');
  const rows = data.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${html(cell)}</th>` : `<td>${html(cell)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table><caption>${html(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

const STYLE = `
body{font:14px/1.45 Helvetica,Arial,sans-serif;color:#1f2937;margin:0;background:#fff}
main{max-width:1200px;margin:0 auto;padding:16px 24px 40px}
.banner{background:#1f2937;color:#f9fafb;font-weight:600;padding:6px 24px;margin:0}
h1{font-size:24px;margin:8px 0 2px}
.facts{color:#374151;margin:0 0 12px}
.badge{display:inline-block;background:#fde68a;border:1px solid #b45309;color:#78350f;border-radius:10px;padding:1px 10px;font-weight:600;font-size:12px}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
figure{margin:0}
figure svg{width:100%;height:auto;border:1px solid #d1d5db}
figcaption{font-weight:600;margin:4px 0}
table{border-collapse:collapse;margin:16px 0;font-size:13px;width:100%}
caption{text-align:left;font-weight:600;font-size:15px;margin-bottom:4px}
th,td{border-bottom:1px solid #e5e7eb;padding:3px 6px;text-align:left}
td{text-align:right}
.link{font-family:Courier,monospace;word-break:break-all;font-size:12px}
.note{color:#6b7280;font-size:12px}
`;

export function standaloneHtml(input: StandaloneInput): string {
  const notice = sharingNotice(input.sharing);
  const facts = factsLine(input);
  const figure = (f: Figure | null, caption: string, missing: string) =>
    f === null
      ? `<figure><figcaption>${html(caption)}</figcaption><p class="note">${html(missing)}</p></figure>`
      : `<figure><figcaption>${html(caption)}</figcaption>${inlineSvg(f, caption)}</figure>`;
  const qr =
    input.permalink !== null && input.permalink.length <= MAX_QR_CHARS
      ? `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="QR code of the link" viewBox="0 0 120 120" width="120" height="120">${qrFigure(input.permalink, 120).body}</svg>`
      : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeXmlAttribute(STANDALONE_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Forgemap">',
    `<title>${html(`${input.title}: Forgemap view`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    notice === null ? '' : `<p class="banner" role="note">${html(notice)}</p>`,
    '<main>',
    `<h1>${html(input.title)}</h1>`,
    `<p class="facts">${html(facts)}${input.synthetic ? ' <span class="badge">Synthetic sample data, not real firms</span>' : ''}</p>`,
    '<p class="note">A read-only copy of a Forgemap view, made to be opened without a network. Nothing in it is fetched from anywhere.</p>',
    '<div class="figures">',
    figure(input.map, 'Map', 'The map was not shown when this copy was made.'),
    figure(input.network, 'Network', 'The network was not shown when this copy was made.'),
    '</div>',
    inlineSvg(input.legend, 'Legend'),
    input.gaps === null
      ? '<p class="note">No home region was chosen: no gap list.</p>'
      : table('Gaps: capabilities in demand, most severe first', input.gaps),
    input.matrix === null
      ? ''
      : table('Dependency matrix: suppliers in the region / outside ("!" a single source)', input.matrix),
    '<h2>This view in Forgemap</h2>',
    input.permalink === null
      ? `<p class="note">${html(input.permalinkNote ?? 'No link.')}</p>`
      : `<p class="link">${html(input.permalink)}</p>`,
    qr,
    `<p class="note">Made with Forgemap on ${html(input.madeOn)}. Boundaries: US Census Bureau (us-atlas).</p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
