// Writes a bundle as JSON with one record per line, so that a regenerated sample diffs line by line.
import type { Bundle } from '../../src/domain/model.ts';

function records(name: string, items: readonly unknown[]): string {
  if (items.length === 0) return `"${name}":[]`;
  return `"${name}":[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
}

/** Valid JSON, byte-identical for identical bundles, ending with a newline. */
export function formatBundle(bundle: Bundle): string {
  const parts = [
    `"format":${JSON.stringify(bundle.format)}`,
    `"version":${JSON.stringify(bundle.version)}`,
    `"meta":${JSON.stringify(bundle.meta)}`,
    records('organizations', bundle.organizations),
    records('links', bundle.links),
    records('capabilities', bundle.capabilities),
    records('regions', bundle.regions),
  ];
  return `{${parts.join(',\n')}}\n`;
}
