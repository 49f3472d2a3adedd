// Result types of the gap analysis (DESIGN.md §3), shared by the CLI, the worker protocol and the views.
// Ids are plain strings here: results cross the worker boundary and go out as JSON.

export const GAP_FLAGS = ['missing', 'single-source', 'leakage', 'concentrated', 'workforce'] as const;
export type GapFlag = (typeof GAP_FLAGS)[number];

/** The numbers behind one capability's flags, for the home region. */
export interface CapabilityStats {
  capability: string;
  /** Σ value of supply links of this capability into the region + Σ needs of region members (USD/yr). */
  demand: number;
  /** Number of demand items: supply links into the region plus needs, valued or not. */
  demandLinks: number;
  /** The part of demand whose supplier is in the region. */
  localValue: number;
  /** demand − localValue (needs have no supplier, so they count as imported). */
  importedValue: number;
  /** importedValue / demand; 0 when demand is 0. */
  leakage: number;
  /** Organizations in the region that offer this capability or supply it on some link. */
  localSuppliers: number;
  /** Herfindahl–Hirschman index of local suppliers' shares of localValue; null when localValue is 0. */
  hhi: number | null;
  /** Training organizations in the region that list this capability in `trains`. */
  trainers: number;
}

export interface Gap extends CapabilityStats {
  label: string;
  /** Empty for a capability in demand with no flag. */
  flags: GapFlag[];
}

export interface MatrixCell {
  prime: string;
  capability: string;
  /** Distinct suppliers of this capability to this prime inside the region. */
  inRegion: number;
  outOfRegion: number;
}

export interface AnalysisResult {
  version: 1;
  /** Home region id, or null when none is chosen. */
  region: string | null;
  /** Capabilities in demand, most severe first (importedValue, then demand, then demandLinks, then id). */
  gaps: Gap[];
  /** Articulation points of the undirected supply graph, sorted. */
  criticalSuppliers: string[];
  /** Bridges of the undirected supply graph, each pair sorted, list sorted. */
  criticalLinks: [string, string][];
  /** Organization id → tier, for organizations that reach a prime. */
  tiers: Record<string, number>;
  /** tierCounts[k] = number of organizations at tier k. */
  tierCounts: number[];
  matrix: MatrixCell[];
  /** Organizations in the home region. */
  regionOrganizations: number;
}
