// `forgemap analyze <bundle> [--region <id>] [--remove <ids>] [--json] [--limit N]`: the gap analysis of one
// region with the same src/analysis code the app runs in its worker.
import { readFile } from 'node:fs/promises';
import { analyzeGraph } from '../../src/analysis/analyze.ts';
import { findChokepoints, supplierRisks } from '../../src/analysis/chokepoints.ts';
import type { SupplierRisk } from '../../src/analysis/chokepoints.ts';
import { capabilityLabeler } from '../../src/analysis/labels.ts';
import { isSingleSource } from '../../src/analysis/matrix.ts';
import { buildSupplyGraph } from '../../src/analysis/supply-graph.ts';
import type { AnalysisResult } from '../../src/analysis/types.ts';
import { whatIf } from '../../src/analysis/what-if.ts';
import type { WhatIfResult } from '../../src/analysis/what-if.ts';
import { regionMembership } from '../../src/domain/membership.ts';
import type { Bundle } from '../../src/domain/model.ts';
import { formatIssue, hasErrors } from '../../src/domain/issues.ts';
import { loadBundle } from '../../src/io/load-bundle.ts';
import { parseJson } from '../../src/io/parse-json.ts';
import { referenceLoaders } from '../../src/workers/reference-loaders.ts';
import { locatorFor, referenceRegions } from './reference.ts';
import type { CommandOutput } from './output.ts';
import { formatTable, pct, usd } from './table.ts';
import { plural } from '../../src/io/import/report-text.ts';

/** Version of the `--json` output; bump it when a field changes meaning or disappears. */
export const ANALYZE_JSON_VERSION = 1;

export interface AnalyzeArgs {
  file: string;
  region?: string | undefined;
  remove: string[];
  json: boolean;
  /** Rows per list in the text report; 0 = all. */
  limit: number;
}

export async function analyzeCommand(args: AnalyzeArgs): Promise<CommandOutput> {
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch (error) {
    return fail(
      `error ${args.file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      2,
    );
  }
  const parsed = parseJson(text, args.file);
  if (parsed.value === null) return fail(parsed.issues.map(formatIssue).join('\n'), 1);
  const references = await referenceRegions();
  const loaded = loadBundle(parsed.value, { knownRegionIds: new Set(references.map((r) => r.id)) });
  const bundle = loaded.value;
  if (bundle === null) return fail(loaded.issues.map(formatIssue).join('\n'), 1);
  const warnings = hasErrors(loaded.issues)
    ? [
        `note: ${loaded.issues.filter((i) => i.severity === 'error').length} records were rejected while loading; run "validate" for details.`,
      ]
    : [];

  const regionId = args.region ?? bundle.meta.homeRegion ?? null;
  const region =
    regionId === null
      ? undefined
      : (bundle.regions.find((r) => r.id === regionId) ?? references.find((r) => r.id === regionId));
  if (regionId !== null && region === undefined) {
    return fail(
      `forgemap: region "${regionId}" is neither in this bundle nor a known IMCP/DMCSP region. Known in the bundle: ${
        bundle.regions.map((r) => r.id).join(', ') || 'none'
      }.`,
      2,
    );
  }
  if (region !== undefined && region.counties.length === 0) {
    warnings.push(
      `note: the county list of "${region.name}" is not known, so no organization is in the region.`,
    );
  }

  const titles = await referenceLoaders.naicsTitles();
  const label = capabilityLabeler(bundle.capabilities, titles);
  const locator = await locatorFor(bundle);
  const mask = regionMembership(bundle.organizations, region?.counties ?? [], locator);
  const graph = buildSupplyGraph(bundle, mask);
  const options = { regionId, label };
  const result = analyzeGraph(graph, options);
  const scenario = args.remove.length > 0 ? whatIf(graph, args.remove, options, result) : null;
  if (scenario !== null && scenario.unknown.length > 0) {
    warnings.push(`note: not organizations of this dataset, ignored: ${scenario.unknown.join(', ')}`);
  }

  if (args.json) {
    const json = {
      ...result,
      version: ANALYZE_JSON_VERSION,
      dataset: {
        id: bundle.meta.id,
        title: bundle.meta.title,
        asOf: bundle.meta.asOf,
        synthetic: bundle.meta.synthetic,
      },
      ...(scenario === null ? {} : { whatIf: whatIfJson(scenario) }),
    };
    // The chokepoints go one to a line: at 100k organizations they are millions of entries, more than one
    // string can hold, so the document is written in lines.
    const head = JSON.stringify(json, null, 2).replace(/\n}$/, '');
    const chokepoints = findChokepoints(graph);
    const entries = chokepoints.map(
      (c, i) => `    ${JSON.stringify(c)}${i < chokepoints.length - 1 ? ',' : ''}`,
    );
    return {
      lines: [`${head},`, '  "chokepoints": [', ...entries, '  ]', '}'],
      exitCode: 0,
      errors: warnings,
    };
  }
  const names = new Map(bundle.organizations.map((org) => [org.id as string, org.name]));
  return {
    lines: [
      ...textReport(bundle, region?.name ?? null, result, names, args.limit),
      ...chokepointReport(supplierRisks(graph), names, args.limit),
      ...(scenario === null ? [] : whatIfReport(scenario, names, args.limit)),
    ],
    exitCode: 0,
    errors: warnings,
  };
}

function whatIfJson(scenario: WhatIfResult) {
  return {
    removed: scenario.removed,
    unknown: scenario.unknown,
    lostSupply: scenario.lostSupply,
    changes: scenario.changes,
    importedValueDelta: scenario.importedValueDelta,
  };
}

function limited<T>(items: readonly T[], limit: number): { shown: readonly T[]; more: string[] } {
  if (limit === 0 || items.length <= limit) return { shown: items, more: [] };
  return {
    shown: items.slice(0, limit),
    more: [`… and ${items.length - limit} more (--limit 0 shows all, --json gives everything)`],
  };
}

function textReport(
  bundle: Bundle,
  regionName: string | null,
  result: AnalysisResult,
  names: ReadonlyMap<string, string>,
  limit: number,
): string[] {
  const name = (id: string) => `${names.get(id) ?? id} (${id})`;
  const lines: string[] = [
    `${bundle.meta.title}${bundle.meta.synthetic ? ' — SYNTHETIC sample data' : ''}, as of ${bundle.meta.asOf}`,
    regionName === null
      ? 'No home region: pass --region <id>.'
      : `Home region: ${regionName} (${result.region}), ${result.regionOrganizations} organizations`,
    '',
    `Gaps: ${result.gaps.length} capabilities in demand, ${result.gaps.filter((g) => g.flags.length > 0).length} flagged, most severe first`,
  ];
  const gaps = limited(result.gaps, limit);
  lines.push(
    ...formatTable(
      [
        { header: 'capability' },
        { header: 'label' },
        { header: 'flags' },
        { header: 'demand', align: 'right' },
        { header: 'local', align: 'right' },
        { header: 'imported', align: 'right' },
        { header: 'leakage', align: 'right' },
        { header: 'local suppliers', align: 'right' },
        { header: 'trainers', align: 'right' },
      ],
      gaps.shown.map((gap) => [
        gap.capability,
        gap.label.length > 48 ? `${gap.label.slice(0, 47)}…` : gap.label,
        gap.flags.join(',') || '-',
        usd(gap.demand),
        usd(gap.localValue),
        usd(gap.importedValue),
        pct(gap.leakage),
        String(gap.localSuppliers),
        String(gap.trainers),
      ]),
    ),
    ...gaps.more,
    '',
    `Tiers (organizations reaching a prime): ${result.tierCounts.map((n, tier) => `tier ${tier}: ${n}`).join(', ')}`,
    '',
    `Critical suppliers (articulation points): ${result.criticalSuppliers.length}`,
  );
  const suppliers = limited(result.criticalSuppliers, limit);
  lines.push(...suppliers.shown.map((id) => `  ${name(id)}`), ...suppliers.more, '');
  lines.push(`Critical links (bridges): ${result.criticalLinks.length}`);
  const links = limited(result.criticalLinks, limit);
  lines.push(...links.shown.map(([a, b]) => `  ${name(a)} — ${name(b)}`), ...links.more, '');
  lines.push(`Prime dependency matrix: ${result.matrix.length} prime × capability cells (* = single source)`);
  const cells = limited(result.matrix, limit);
  lines.push(
    ...formatTable(
      [
        { header: 'prime' },
        { header: 'capability' },
        { header: 'in region', align: 'right' },
        { header: 'outside', align: 'right' },
        { header: '' },
      ],
      cells.shown.map((cell) => [
        name(cell.prime),
        cell.capability,
        String(cell.inRegion),
        String(cell.outOfRegion),
        isSingleSource(cell) ? '*' : '',
      ]),
    ),
    ...cells.more,
  );
  return lines;
}

function chokepointReport(
  ranked: readonly SupplierRisk[],
  names: ReadonlyMap<string, string>,
  limit: number,
): string[] {
  const name = (id: string) => `${names.get(id) ?? id} (${id})`;
  const shown = limited(ranked, limit);
  return [
    '',
    `Single points of failure: ${plural(ranked.length, 'supplier')} some prime depends on alone (directional chokepoints), by dollars at risk`,
    ...formatTable(
      [
        { header: 'supplier' },
        { header: 'at risk / yr', align: 'right' },
        { header: 'primes', align: 'right' },
        { header: 'capabilities lost' },
        { header: 'largest cut-off', align: 'right' },
      ],
      shown.shown.map((risk) => [
        name(risk.supplier),
        usd(risk.exposure),
        String(risk.primes.length),
        risk.capabilitiesLost.join(',') || '-',
        String(risk.largestCutOff),
      ]),
    ),
    ...shown.more,
  ];
}

function whatIfReport(scenario: WhatIfResult, names: ReadonlyMap<string, string>, limit: number): string[] {
  const name = (id: string) => `${names.get(id) ?? id} (${id})`;
  const lines = [
    '',
    `What if these close: ${scenario.removed.map(name).join(', ') || 'nothing'}`,
    `Change in imported value: ${scenario.importedValueDelta >= 0 ? '+' : ''}${usd(scenario.importedValueDelta)}`,
    `Primes that lose every supplier of a capability: ${scenario.lostSupply.length}`,
  ];
  const lost = limited(scenario.lostSupply, limit);
  lines.push(...lost.shown.map((l) => `  ${name(l.prime)} loses ${l.capability} ${l.label}`), ...lost.more);
  const changed = scenario.changes.filter((c) => c.appeared.length > 0 || c.vanished.length > 0);
  lines.push(`Flags that appear or vanish: ${changed.length} capabilities`);
  const shown = limited(changed, limit);
  lines.push(
    ...shown.shown.map(
      (c) =>
        `  ${c.capability} ${c.label}: ${[...c.appeared.map((f) => `+${f}`), ...c.vanished.map((f) => `-${f}`)].join(' ')}`,
    ),
    ...shown.more,
  );
  return lines;
}

function fail(message: string, exitCode: number): CommandOutput {
  return { lines: [], errors: [message], exitCode };
}
