// The suppliers behind each cell of the prime dependency matrix (DESIGN.md §3): for a prime p and a
// capability c, the distinct organizations that supply c to p, so the matrix can name them and a what-if
// can take them out. Same rules as matrix.ts, read from the bundle instead of the compact graph.
import type { Bundle } from '../domain/model.ts';
import { compareText } from './compare-text.ts';
import { SUPPLY_LINK_KINDS } from './supply-graph.ts';

export interface CellSuppliers {
  prime: string;
  capability: string;
  /** Distinct supplier ids, sorted; `inRegion` and `outOfRegion` split them by the region mask. */
  suppliers: string[];
  inRegion: string[];
  outOfRegion: string[];
}

/** Map key of a (prime, capability) cell. */
export function cellKey(prime: string, capability: string): string {
  return `${prime}\u0000${capability}`;
}

/**
 * Every cell of the matrix with its suppliers, keyed by `cellKey`. A cell comes from a supply or subcontract
 * link into a prime (kind prime) from another organization, with capability the link's own, else the
 * supplier's primary NAICS (links with neither make no cell). Organizations in `exclude` (a what-if's
 * removals) neither buy nor supply, so the counts match dependencyMatrix on the reduced graph.
 */
export function matrixSuppliers(
  bundle: Bundle,
  inRegion: Uint8Array,
  exclude: Iterable<string> = [],
): Map<string, CellSuppliers> {
  const orgs = bundle.organizations;
  const index = new Map<string, number>();
  orgs.forEach((org, i) => index.set(org.id, i));
  const excluded = new Set(exclude);
  const sets = new Map<string, { prime: string; capability: string; suppliers: Set<string> }>();
  for (const link of bundle.links) {
    if (!SUPPLY_LINK_KINDS.has(link.kind) || link.source === link.target) continue;
    const s = index.get(link.source);
    const t = index.get(link.target);
    if (s === undefined || t === undefined || orgs[t]!.kind !== 'prime') continue;
    if (excluded.has(link.source) || excluded.has(link.target)) continue;
    const capability = link.capability ?? orgs[s]!.naics[0];
    if (capability === undefined) continue;
    const key = cellKey(link.target, capability);
    let entry = sets.get(key);
    if (entry === undefined) {
      entry = { prime: link.target, capability, suppliers: new Set() };
      sets.set(key, entry);
    }
    entry.suppliers.add(link.source);
  }
  const cells = new Map<string, CellSuppliers>();
  for (const [key, { prime, capability, suppliers }] of sets) {
    const sorted = [...suppliers].sort(compareText);
    cells.set(key, {
      prime,
      capability,
      suppliers: sorted,
      inRegion: sorted.filter((id) => inRegion[index.get(id)!] === 1),
      outOfRegion: sorted.filter((id) => inRegion[index.get(id)!] !== 1),
    });
  }
  return cells;
}

/** The suppliers of capability c to prime p (sorted ids); empty when p does not buy c. */
export function cellSuppliers(
  bundle: Bundle,
  prime: string,
  capability: string,
  exclude: Iterable<string> = [],
): string[] {
  const orgs = bundle.organizations;
  const primeOrg = orgs.find((org) => org.id === prime);
  const excluded = new Set(exclude);
  if (primeOrg === undefined || primeOrg.kind !== 'prime' || excluded.has(prime)) return [];
  const byId = new Map(orgs.map((org) => [org.id as string, org]));
  const suppliers = new Set<string>();
  for (const link of bundle.links) {
    if (link.target !== prime || link.source === prime || !SUPPLY_LINK_KINDS.has(link.kind)) continue;
    const source = byId.get(link.source);
    if (source === undefined || excluded.has(link.source)) continue;
    if ((link.capability ?? source.naics[0]) === capability) suppliers.add(link.source);
  }
  return [...suppliers].sort(compareText);
}
