// File names for exports: the dataset id and date first, so a folder of exports sorts by dataset, and
// "synthetic" in the name, so a CSV opened in a spreadsheet still says it is sample data in its title bar.
import type { BundleMeta } from '../../domain/model.ts';

/** Anything but letters, digits, ".", "_" and "-" (path separators, spaces, quotes, control characters). */
const UNSAFE = /[^A-Za-z0-9._-]+/g;
const MAX_PART = 60;

function part(text: string): string {
  return text
    .replace(UNSAFE, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_PART);
}

/**
 * `<id>-<asOf>[-synthetic]-<what>[-<qualifier>].<extension>`, e.g. `chicago-2026-01-01-synthetic-gaps.csv`.
 * Every part is reduced to file-name-safe characters; the qualifier (a region id, say) is left out when
 * nothing safe remains of it.
 */
export function exportFileName(
  meta: Pick<BundleMeta, 'id' | 'asOf' | 'synthetic'>,
  what: string,
  extension: string,
  qualifier?: string,
): string {
  const parts = [part(meta.id) || 'forgemap', part(meta.asOf)];
  if (meta.synthetic) parts.push('synthetic');
  parts.push(part(what));
  if (qualifier !== undefined) parts.push(part(qualifier));
  return `${parts.filter((p) => p !== '').join('-')}.${part(extension)}`;
}
