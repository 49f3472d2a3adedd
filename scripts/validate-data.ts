// Validates every shipped data file: data/reference/*.json against the reference schemas and each other,
// and data/samples/*.json with loadBundle plus their counties and NAICS codes against the reference tables.
// Prints one line per file (then its issues); exits 1 when any error is found. Run: npm run data:validate
// (an optional argument names another root holding data/, for checking a copy).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../src/domain/issues.ts';
import { formatIssue, formatPath, hasErrors } from '../src/domain/issues.ts';
import { loadBundle } from '../src/io/load-bundle.ts';
import { parseJson } from '../src/io/parse-json.ts';
import type { ReferenceKind, ReferenceTableTypes } from '../src/io/reference-schemas.ts';
import {
  checkCountyStates,
  checkRegionCounties,
  checkStateCodes,
  checkZipCounties,
  isReferenceKind,
  parseReferenceTable,
  referenceRowCount,
} from '../src/io/reference-schemas.ts';

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const referenceDir = join(root, 'data', 'reference');
const samplesDir = join(root, 'data', 'samples');

// Printing tens of thousands of issues from one corrupt file helps nobody; the count is still shown.
const MAX_ISSUES_SHOWN = 50;

let failed = false;
const knownRegionIds = new Set<string>();

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

function report(file: string, summary: string, issues: readonly Issue[]): void {
  const errors = hasErrors(issues);
  if (errors) failed = true;
  const counts = issues.length === 0 ? '' : ` (${issues.length} issue${issues.length === 1 ? '' : 's'})`;
  console.log(`${errors ? 'FAIL' : 'ok'} ${file}: ${summary}${counts}`);
  for (const issue of issues.slice(0, MAX_ISSUES_SHOWN)) console.log(`  ${formatIssue({ ...issue, file })}`);
  if (issues.length > MAX_ISSUES_SHOWN) console.log(`  … and ${issues.length - MAX_ISSUES_SHOWN} more`);
}

function readJson(path: string, file: string): unknown {
  const parsed = parseJson(readFileSync(path, 'utf8'), file);
  if (parsed.value === null) report(file, 'not readable', parsed.issues);
  return parsed.value;
}

type Tables = { [K in ReferenceKind]?: { file: string; table: ReferenceTableTypes[K] } };

function validateReference(): Tables {
  const tables: Tables = {};
  for (const path of jsonFiles(referenceDir)) {
    const file = relative(root, path);
    const raw = readJson(path, file);
    if (raw === null) continue;
    const kind = typeof raw === 'object' && raw !== null && 'table' in raw ? raw.table : undefined;
    if (!isReferenceKind(kind)) {
      report(file, 'unknown table', [
        {
          severity: 'error',
          path: 'table',
          message: `table ${JSON.stringify(kind)} has no schema in src/io/reference-schemas.ts`,
        },
      ]);
      continue;
    }
    const { value, issues } = parseReferenceTable(kind, raw);
    report(file, value === null ? 'no usable table' : `${referenceRowCount(value)} rows`, issues);
    // Cross-check paths count the kept rows; with a row rejected they would point one row off.
    if (value !== null && !hasErrors(issues)) Object.assign(tables, { [kind]: { file, table: value } });
    // Samples may name a region as home even while another region row is broken.
    if (value !== null && value.table === 'regions') {
      for (const row of value.rows) knownRegionIds.add(row.id);
    }
  }
  return tables;
}

function crossCheck(tables: Tables): void {
  const { states, counties, zips, regions } = tables;
  const mep = tables['mep-centers'];
  const checks: Array<[string | undefined, string, () => Issue[]]> = [];
  if (counties && states) {
    checks.push([
      counties.file,
      'states agree with states.json',
      () => checkCountyStates(counties.table.rows, states.table.rows),
    ]);
  }
  if (regions && counties) {
    checks.push([
      regions.file,
      'counties exist in counties.json',
      () => checkRegionCounties(regions.table.rows, counties.table.rows),
    ]);
  }
  if (regions && states) {
    checks.push([
      regions.file,
      'states exist in states.json',
      () => checkStateCodes(regions.table.rows, states.table.rows),
    ]);
  }
  if (mep && states) {
    checks.push([
      mep.file,
      'states exist in states.json',
      () => checkStateCodes(mep.table.rows, states.table.rows),
    ]);
  }
  if (zips && counties) {
    checks.push([
      zips.file,
      'counties exist in counties.json',
      () => checkZipCounties(zips.table.rows, counties.table.rows),
    ]);
  }
  for (const [file, what, run] of checks) if (file !== undefined) report(file, what, run());
  for (const kind of ['states', 'counties', 'regions'] as const) {
    if (tables[kind] === undefined) {
      report(`data/reference/${kind}.json`, 'cross-checks skipped', [
        {
          severity: 'error',
          message: `${kind}.json is missing or has errors, so the cross-checks that need it did not run`,
        },
      ]);
    }
  }
}

function validateSamples(tables: Tables): void {
  const countyFips = new Set<string>(tables.counties?.table.rows.map((c) => c.fips) ?? []);
  const naicsCodes = new Set(Object.keys(tables.naics2017?.table.rows ?? {}));
  for (const path of jsonFiles(samplesDir)) {
    const file = relative(root, path);
    const raw = readJson(path, file);
    if (raw === null) continue;
    const { value, issues } = loadBundle(raw, { knownRegionIds });
    if (value === null) {
      report(file, 'no usable bundle', issues);
      continue;
    }
    const extra: Issue[] = [];
    // Region membership joins on county FIPS, so a county without a shape silently drops a firm.
    if (countyFips.size > 0) {
      value.organizations.forEach((org, i) => {
        if (org.county !== undefined && !countyFips.has(org.county)) {
          extra.push({
            severity: 'error',
            path: formatPath(['organizations', i, 'county']),
            message: `county ${org.county} of "${org.name}" is not in data/reference/counties.json`,
          });
        }
      });
      value.regions.forEach((region, r) => {
        region.counties.forEach((fips, i) => {
          if (!countyFips.has(fips)) {
            extra.push({
              severity: 'error',
              path: formatPath(['regions', r, 'counties', i]),
              message: `county ${fips} of region "${region.name}" is not in data/reference/counties.json`,
            });
          }
        });
      });
    }
    // An unknown NAICS code still works as a capability id but shows without a title.
    if (naicsCodes.size > 0) {
      value.organizations.forEach((org, i) => {
        org.naics.forEach((code, j) => {
          if (!naicsCodes.has(code)) {
            extra.push({
              severity: 'warning',
              path: formatPath(['organizations', i, 'naics', j]),
              message: `NAICS ${code} of "${org.name}" is not a NAICS 2017 code`,
            });
          }
        });
      });
    }
    const synthetic = value.meta.synthetic ? ', synthetic' : '';
    const links = `${value.links.length} link${value.links.length === 1 ? '' : 's'}`;
    report(file, `${value.organizations.length} organizations, ${links}${synthetic}`, [...issues, ...extra]);
  }
}

const tables = validateReference();
crossCheck(tables);
validateSamples(tables);
process.exit(failed ? 1 : 0);
