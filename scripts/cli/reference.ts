// Reference data for the CLI, read from data/reference (the app bundles the same files).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const referenceDir = fileURLToPath(new URL('../../data/reference/', import.meta.url));

/** Ids of the shipped IMCP / DMCSP regions; empty if the table is missing (validate-data reports that). */
export async function referenceRegionIds(): Promise<Set<string>> {
  try {
    const raw = JSON.parse(await readFile(`${referenceDir}regions.json`, 'utf8')) as unknown;
    const rows = (raw as { rows?: unknown }).rows;
    if (!Array.isArray(rows)) return new Set();
    return new Set(
      rows.flatMap((row: unknown) =>
        typeof row === 'object' && row !== null && typeof (row as { id?: unknown }).id === 'string'
          ? [(row as { id: string }).id]
          : [],
      ),
    );
  } catch {
    return new Set();
  }
}
