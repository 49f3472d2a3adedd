// USAspending contract Subawards download → organizations and links. The records engine has read the file and
// grouped its rows (io/records/subaward-read.ts); here each firm's appearances become one organization (one per
// UEI, else per name + ZIP), checked as every format's firms are, and each prime–subawardee pair and fiscal year
// one `subcontract` link from subawardee to prime with that year's amounts summed and, as capability, the award
// NAICS with the most dollars (build-region, src/io/records/sql/60-links.sql, keeps one link per NAICS instead).
import type { CapabilityId, CountyFips, OrgId } from '../../domain/ids.ts';
import type { Link } from '../../domain/model.ts';
import type { SubawardColumn, SubawardFirm, SubawardRead } from '../records/subaward-read.ts';
import type { ImportContext } from './context.ts';
import type { OrganizationDraft } from './organization-draft.ts';
import { MAX_LINK_VALUE } from './read-link.ts';
import { placeByZip } from './read-organization.ts';
import type { FileLog } from './report.ts';
import { stateCode } from './state-codes.ts';
import { normalizeName, quote, readCode, readCountyFips, readNaics, readZip, zip5 } from './values.ts';

interface Pair {
  source: OrgId;
  target: OrgId;
  firstRow: number;
  total: number;
  amounts: number;
  naics: Map<string, number>;
  year: number | undefined;
}

const DOMESTIC = new Set(['', 'USA', 'US', 'UNITED STATES']);

const WHO = { 'subaward-no-prime': 'prime awardee', 'subaward-no-subawardee': 'subawardee' } as const;

export function importSubawards(read: SubawardRead, log: FileLog, ctx: ImportContext): void {
  const column = (name: SubawardColumn): string | undefined => read.columns[name];
  const seen = new Map<string, { id: OrgId; name: string; row: number }>();

  const firm = (f: SubawardFirm): OrgId | null => {
    const { side, row, name } = f;
    let uei: string | undefined;
    if (f.uei !== '') {
      const code = readCode(f.uei, 12, 'UEI');
      if (code.ok) uei = code.value;
      else
        log.issue('uei-invalid', {
          row,
          column: column(`${side}_uei`),
          value: f.uei,
          message: `${code.problem}; it was left out.`,
        });
    }
    const country = f.country;
    const isForeign = !DOMESTIC.has(country);
    const zipRead = isForeign ? null : readZip(f.zip);
    const zip = zipRead?.ok === true ? zipRead.value : undefined;
    const key =
      uei ??
      `${normalizeName(name)}\u0000${zip === undefined ? '' : zip5(zip)}\u0000${isForeign ? country : ''}`;
    const known = seen.get(key);
    if (known !== undefined) {
      if (known.name !== name) {
        log.issue('duplicate-merged', {
          row,
          column: column(`${side}_name`),
          value: name,
          message: `"${name}" is the same firm as "${known.name}" (row ${known.row}): ${uei !== undefined ? `same UEI ${uei}` : 'same name and ZIP'}; the two were merged into one organization.`,
        });
      }
      return known.id;
    }

    const draft: OrganizationDraft = {
      name: name.slice(0, 500),
      kind: side === 'prime_awardee' ? 'prime' : 'manufacturer',
      naics: [],
      capabilities: [],
      certifications: [],
      trains: [],
      needs: [],
    };
    if (uei !== undefined) draft.uei = uei;
    const { city, address } = f;
    if (isForeign) {
      // No ZIP, state, county or coordinates: a foreign postal code can look like a US ZIP ("10115",
      // Berlin), and any of them would put the firm inside a US region.
      const countryName = f.countryName || country;
      draft.address = [address, city, f.foreignPostalCode, countryName]
        .filter((part) => part !== '')
        .join(', ')
        .slice(0, 500);
      if (city !== '') draft.city = city.slice(0, 200);
      log.issue('foreign-subawardee', {
        row,
        column: column(`${side}_country_code`),
        value: country,
        message: `"${name}" is in ${countryName}; it is kept, outside every US region, with no position on the map.`,
      });
    } else {
      if (address !== '') draft.address = address.slice(0, 500);
      if (city !== '') draft.city = city.slice(0, 200);
      const state = stateCode(f.state);
      if (state !== null) draft.state = state;
      if (zipRead !== null && !zipRead.ok && f.zip !== '') {
        log.issue('zip-invalid', {
          row,
          column: column(`${side}_zip_code`),
          value: f.zip,
          message: `ZIP ${zipRead.problem}; it was left out.`,
        });
      }
      if (zipRead?.ok === true && zipRead.fixed !== undefined)
        log.issue('zip-repaired', {
          row,
          column: column(`${side}_zip_code`),
          value: f.zip,
          message: `ZIP ${zipRead.fixed}.`,
        });
      if (zip !== undefined) draft.zip = zip;
      if (f.county !== '') {
        const county = readCountyFips(f.county, f.stateFips || undefined);
        if (county.ok) {
          draft.county = county.value as CountyFips;
          if (county.fixed !== undefined)
            log.issue('county-padded', {
              row,
              column: column('prime_awardee_county_fips_code'),
              value: f.county,
              message: `county FIPS ${county.fixed}.`,
            });
        } else {
          log.issue('county-invalid', {
            row,
            column: column('prime_awardee_county_fips_code'),
            value: f.county,
            message: `county ${county.problem}; it was left out.`,
          });
        }
      }
    }
    const id = ctx.orgs.add(draft, { file: log.name, row, noun: log.noun }, log);
    if (id !== null) seen.set(key, { id, name, row });
    const org = id === null ? undefined : ctx.orgs.get(id);
    if (org !== undefined && org.lat === undefined)
      placeByZip(org, row, log, ctx, column(`${side}_zip_code`));
    return id;
  };

  log.size(read.lastRow);
  for (let row = 2; row <= read.lastRow; row++) log.accept(row);
  // Appearances in the order the rows name them, so that a firm takes the facts of its first row.
  const orgOf = new Map<number, OrgId | null>();
  for (const [i, f] of read.firms.entries()) {
    if (i % 4096 === 0) {
      if (ctx.cancelled()) return;
      ctx.progress((0.8 * i) / Math.max(read.firms.length, 1));
    }
    orgOf.set(f.id, firm(f));
  }
  for (const date of read.dates) ctx.noteDate(date);

  const nameOf = new Map(read.firms.map((f) => [f.id, f.name]));
  const pairs = new Map<string, Pair>();
  for (const group of read.pairs) {
    const prime = orgOf.get(group.prime) ?? null;
    const sub = orgOf.get(group.sub) ?? null;
    if (prime === null || sub === null) continue;
    if (prime === sub) {
      log.issue('subaward-self', {
        row: group.row,
        value: nameOf.get(group.sub),
        message: `the subawardee is the prime awardee itself ("${nameOf.get(group.prime) ?? ''}"); no link was made for ${group.year === null ? 'these subawards' : `the FY${group.year} subawards of this pair`}.`,
      });
      continue;
    }
    const year = group.year ?? undefined;
    const key = `${sub}\u0000${prime}\u0000${year ?? ''}`;
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = {
        source: sub,
        target: prime,
        firstRow: group.row,
        total: 0,
        amounts: 0,
        naics: new Map(),
        year,
      };
      pairs.set(key, pair);
    }
    pair.total += group.total;
    pair.amounts += group.amounts;
    for (const { code, dollars } of group.naics) pair.naics.set(code, (pair.naics.get(code) ?? 0) + dollars);
  }

  for (const issue of read.issues) {
    if (issue.reason === 'subaward-no-prime' || issue.reason === 'subaward-no-subawardee') {
      log.issue(issue.reason, {
        row: issue.row,
        column: column(issue.column),
        message: `the ${WHO[issue.reason]} has no name; this subaward was not imported.`,
      });
      continue;
    }
    // A row of a firm with itself made no link, so what it says of amounts and codes is moot.
    const prime = issue.prime === null ? null : (orgOf.get(issue.prime) ?? null);
    if (prime === null || prime === (issue.sub === null ? null : (orgOf.get(issue.sub) ?? null))) continue;
    if (issue.reason === 'value-invalid')
      log.issue('value-invalid', {
        row: issue.row,
        column: column(issue.column),
        value: issue.value,
        message: `subaward amount ${quote(issue.value)} is not a number; it was not added to the link's value.`,
      });
    else {
      const naics = readNaics(issue.value);
      log.issue('naics-invalid', {
        row: issue.row,
        column: column(issue.column),
        value: issue.value,
        message: `award NAICS ${naics.ok ? quote(issue.value) : naics.problem}; the link has no capability from this row.`,
      });
    }
  }

  const yearsOfPair = new Map<string, number[]>();
  for (const pair of pairs.values()) {
    const link: Link = { source: pair.source, target: pair.target, kind: 'subcontract' };
    // One link per pair, as the design asks; when the pair's awards carry several NAICS codes the link
    // takes the one with the most money and the report says so.
    let best: string | null = null;
    let bestAmount = -1;
    for (const [code, sum] of pair.naics) {
      if (sum > bestAmount) {
        best = code;
        bestAmount = sum;
      }
    }
    if (best !== null) link.capability = best as CapabilityId;
    if (pair.naics.size > 1) {
      log.issue('subaward-mixed-naics', {
        row: pair.firstRow,
        value: [...pair.naics.keys()].join(', '),
        message: `the ${pair.year === undefined ? '' : `FY${pair.year} `}subawards between this subawardee and prime carry NAICS ${[...pair.naics.keys()].join(', ')}; the one link takes ${best ?? ''}, which has the largest amount.`,
      });
    }
    if (pair.amounts > 0) {
      const total = Math.round(pair.total * 100) / 100;
      if (total >= 0 && total <= MAX_LINK_VALUE) link.value = total;
      else
        log.issue('value-out-of-range', {
          row: pair.firstRow,
          value: String(total),
          message: `the subaward amounts of this pair sum to ${total}, outside 0…${MAX_LINK_VALUE}; the link was kept without a value.`,
        });
    }
    if (pair.year !== undefined) {
      link.year = pair.year;
      const firms = `${pair.source}\u0000${pair.target}`;
      yearsOfPair.set(firms, [...(yearsOfPair.get(firms) ?? []), pair.year]);
    }
    ctx.links.push(link);
  }
  const multiYear = [...yearsOfPair.values()].filter((years) => years.length > 1);
  if (multiYear.length > 0) {
    const years = multiYear.flat().sort((a, b) => a - b);
    log.issue('subaward-years', {
      message: `${multiYear.length} of ${yearsOfPair.size} prime–subawardee pairs have subawards in several fiscal years (FY${years[0]}–FY${years[years.length - 1]}): each year is its own link, and the app averages the dollars over the years it shows.`,
    });
  }
  ctx.progress(1);
}
