// US state and territory names → USPS codes, from the shipped states table, so "Illinois" reads as "IL".
import statesJson from '../../../data/reference/states.json';
import { parseStatesTable } from '../reference-schemas.ts';

let byName: Map<string, string> | null = null;

function table(): Map<string, string> {
  if (byName !== null) return byName;
  byName = new Map();
  for (const row of parseStatesTable(statesJson).value?.rows ?? []) {
    byName.set(row.abbr.toLowerCase(), row.abbr);
    byName.set(row.name.toLowerCase(), row.abbr);
  }
  return byName;
}

/** "IL", "il", "Illinois", "ILLINOIS" → "IL"; null for anything else. */
export function stateCode(text: string): string | null {
  const key = text.trim().replace(/\s+/g, ' ').toLowerCase();
  return table().get(key) ?? null;
}

let byFips: Map<string, string> | null = null;

/** "17" → "IL"; null for a state FIPS code the table does not have. */
export function stateOfFips(fips: string): string | null {
  if (byFips === null) {
    byFips = new Map();
    for (const row of parseStatesTable(statesJson).value?.rows ?? []) byFips.set(row.fips, row.abbr);
  }
  return byFips.get(fips) ?? null;
}
