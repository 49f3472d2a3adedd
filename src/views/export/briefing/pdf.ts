// The briefing poster as a vector PDF, made in the browser (offline): jsPDF draws the poster's SVG through
// svg2pdf.js, so shapes stay paths and text stays text (selectable, searchable). Both libraries load on first
// use only. The PDF's standard font (Helvetica) covers Western European text; a character it lacks is drawn
// as "?" (the SVG figures keep every character).
import { POSTER } from './poster.ts';

export interface PdfFacts {
  title: string;
  subject: string;
  /** The view's link, kept in the PDF's metadata too. */
  keywords: string;
}

/** Characters Helvetica's WinAnsi encoding can draw: Latin-1 and the few extras WinAnsi adds. */
const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
export function winAnsiSafe(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    out +=
      (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.includes(char)
        ? char
        : '?';
  }
  return out;
}

export async function briefingPdf(svg: string, facts: PdfFacts): Promise<Blob> {
  const [{ jsPDF }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
  // Parsed as XML (no script runs, nothing is rendered as HTML), then put in the page out of sight: svg2pdf
  // reads computed styles.
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  if (parsed.getElementsByTagName('parsererror').length > 0)
    throw new Error('the briefing could not be laid out');
  const element = document.importNode(parsed.documentElement, true);
  for (const node of Array.from(element.getElementsByTagName('text')))
    node.textContent = winAnsiSafe(node.textContent ?? '');
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-20000px;top:0;width:0;height:0;overflow:hidden';
  host.append(element);
  document.body.append(host);
  try {
    const doc = new jsPDF({
      orientation: 'landscape',
      unit: 'pt',
      format: [POSTER.width, POSTER.height],
      compress: true,
    });
    await svg2pdf(element, doc, { x: 0, y: 0, width: POSTER.width, height: POSTER.height });
    doc.setProperties({
      title: winAnsiSafe(facts.title),
      subject: winAnsiSafe(facts.subject),
      keywords: winAnsiSafe(facts.keywords),
      creator: 'Forgemap',
    });
    return doc.output('blob');
  } finally {
    host.remove();
  }
}
