// Reference data for the CLI, read from data/reference (the app bundles the same files).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CountyLocator } from '../../src/domain/membership.ts';
import { needsLocator } from '../../src/domain/membership.ts';
import type { Bundle } from '../../src/domain/model.ts';
import type { RegionRow } from '../../src/io/reference-schemas.ts';
import { referenceLoaders } from '../../src/workers/reference-loaders.ts';
import { parseRegionsTable } from '../../src/io/reference-schemas.ts';

const regionsFile = fileURLToPath(new URL('../../data/reference/regions.json', import.meta.url));

/** The shipped IMCP / DMCSP regions; empty if the table is missing (validate-data reports that). */
export async function referenceRegions(): Promise<RegionRow[]> {
  try {
    return parseRegionsTable(JSON.parse(await readFile(regionsFile, 'utf8'))).value?.rows ?? [];
  } catch {
    return [];
  }
}

export async function referenceRegionIds(): Promise<Set<string>> {
  return new Set((await referenceRegions()).map((region) => region.id as string));
}

/** Where the CLI finds the county of an organization without one on record: by point, then by ZIP. */
export async function locatorFor(bundle: Bundle): Promise<CountyLocator> {
  const needed = needsLocator(bundle.organizations);
  return {
    countyAt: needed.points ? await referenceLoaders.countyAt() : undefined,
    countyOfZip: needed.points || needed.zips ? await referenceLoaders.countyOfZip() : undefined,
  };
}
