// Builds DatasetViews for the panel and derive tests from a terse bundle description. Used by tests only.
import { analyzeGraph } from '../../analysis/analyze.ts';
import { buildSupplyGraph } from '../../analysis/supply-graph.ts';
import type { SupplyGraph } from '../../analysis/supply-graph.ts';
import { testBundle } from '../../analysis/test-bundle.ts';
import type { LinkSpec, OrgSpec } from '../../analysis/test-bundle.ts';
import type { AnalysisResult } from '../../analysis/types.ts';
import type { Bundle, Organization } from '../../domain/model.ts';
import { resolvePositions } from '../../geo/positions.ts';
import type { DatasetView } from '../contracts.ts';
import { testAnalysis } from '../../analysis/test-results.ts';

export const TEST_LABELS: Readonly<Record<string, string>> = {
  '332710': 'Machine Shops',
  '332811': 'Metal Heat Treating',
  '336411': 'Aircraft Manufacturing',
  '333517': 'Machine Tool Manufacturing',
  'nadcap-heat-treat': 'NADCAP heat treating',
};

export function testLabel(id: string): string {
  return TEST_LABELS[id] ?? id;
}

/** A bundle from testBundle, with extra fields (names, certifications, places…) merged into organizations. */
export function bundleWith(
  orgs: (OrgSpec &
    Partial<Omit<Organization, 'id' | 'kind' | 'naics' | 'capabilities' | 'trains' | 'needs'>>)[],
  links: LinkSpec[] = [],
): Bundle {
  const bundle = testBundle(orgs, links);
  bundle.organizations = bundle.organizations.map((org, i) => {
    const spec = orgs[i]!;
    const {
      id: _id,
      kind: _kind,
      inRegion: _in,
      naics: _n,
      capabilities: _c,
      trains: _t,
      needs: _needs,
      ...extra
    } = spec;
    return { ...org, ...extra } as Organization;
  });
  return bundle;
}

export function emptyAnalysis(region: string | null = 'home'): AnalysisResult {
  return testAnalysis({ region });
}

export function testView(bundle: Bundle, analysis: AnalysisResult | null = null): DatasetView {
  const orgIndex = new Map<string, number>();
  bundle.organizations.forEach((org, i) => orgIndex.set(org.id, i));
  return {
    bundle,
    positions: resolvePositions(bundle.organizations, {}),
    inRegion: Uint8Array.from(bundle.organizations, (org) =>
      analysis !== null && org.county === '00001' ? 1 : 0,
    ),
    visible: new Uint8Array(bundle.organizations.length).fill(1),
    orgIndex,
    analysis,
    label: testLabel,
  };
}

/**
 * The view of `bundle` with its home region (county "00001") analysed as the worker would (region "R"):
 * the view carries the membership and the analysis; the graph comes along for what-if tests.
 */
export function analysedView(bundle: Bundle): {
  data: DatasetView;
  graph: SupplyGraph;
  result: AnalysisResult;
} {
  const inRegion = Uint8Array.from(bundle.organizations, (o) => (o.county === '00001' ? 1 : 0));
  const graph = buildSupplyGraph(bundle, inRegion);
  const result = analyzeGraph(graph, { regionId: 'R', label: testLabel });
  return { data: { ...testView(bundle, null), inRegion, analysis: result }, graph, result };
}
