// Rounding shared by the gap charts: coordinates to a tenth of a pixel so the SVG is the same on every
// machine, and labels cut to fit.
/** A coordinate rounded to 0.1 px. */
export function px(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A label cut to `max` characters with an ellipsis; the full text goes in a <title>. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
