// USAspending contract Subawards download → organizations and links. Prime awardees and subawardees
// become organizations (one per UEI, else per name + ZIP), each prime–subawardee pair and fiscal year one
// `subcontract` link from subawardee to prime with that year's amounts summed and the award's NAICS as
// capability (the same links as build-region's, src/io/records/sql/60-links.sql).
import type { CapabilityId, CountyFips, OrgId } from '../../domain/ids.ts';
import type { Link } from '../../domain/model.ts';
import { headerKey } from './column-mapping.ts';
import { PROGRESS_EVERY } from './context.ts';
import type { ImportContext } from './context.ts';
import type { OrganizationDraft } from './organization-draft.ts';
import { MAX_LINK_VALUE } from './read-link.ts';
import { placeByZip } from './read-organization.ts';
import type { Table } from './import-table.ts';
import type { FileLog } from './report.ts';
import { stateCode } from './state-codes.ts';
import {
  normalizeName,
  quote,
  readCode,
  readCountyFips,
  readNaics,
  readNumber,
  readZip,
  zip5,
} from './values.ts';

interface Pair {
  source: OrgId;
  target: OrgId;
  firstRow: number;
  total: number;
  amounts: number;
  naics: Map<string, number>;
  year: number | undefined;
}

type Side = 'prime_awardee' | 'subawardee';

const DOMESTIC = new Set(['', 'USA', 'US', 'UNITED STATES']);

/** The two firms a subaward names, checked in this order; a row where either has no name is not imported. */
const UNNAMED_FIRMS = [
  { column: 'prime_awardee_name', reason: 'subaward-no-prime', who: 'prime awardee' },
  { column: 'subawardee_name', reason: 'subaward-no-subawardee', who: 'subawardee' },
] as const;

export function importSubawards(table: Table, log: FileLog, ctx: ImportContext): void {
  const at = new Map<string, number>();
  table.headers.forEach((h, i) => {
    const key = headerKey(h);
    if (!at.has(key)) at.set(key, i);
  });
  let cells: readonly string[] = [];
  const cell = (name: string): string => {
    const index = at.get(headerKey(name));
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const column = (name: string): string | undefined => {
    const index = at.get(headerKey(name));
    return index === undefined ? undefined : table.headers[index];
  };

  const seen = new Map<string, { id: OrgId; name: string; row: number }>();
  const pairs = new Map<string, Pair>();

  const firm = (side: Side, row: number): OrgId | null => {
    const name = cell(`${side}_name`);
    const rawUei = cell(`${side}_uei`);
    let uei: string | undefined;
    if (rawUei !== '') {
      const code = readCode(rawUei, 12, 'UEI');
      if (code.ok) uei = code.value;
      else
        log.issue('uei-invalid', {
          row,
          column: column(`${side}_uei`),
          value: rawUei,
          message: `${code.problem}; it was left out.`,
        });
    }
    if (name === '') return null;
    const country = cell(`${side}_country_code`).toUpperCase();
    const isForeign = !DOMESTIC.has(country);
    const zipRead = isForeign ? null : readZip(cell(`${side}_zip_code`));
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
    const city = cell(`${side}_city_name`);
    const address = cell(`${side}_address_line_1`);
    if (isForeign) {
      // No ZIP, state, county or coordinates: a foreign postal code can look like a US ZIP ("10115",
      // Berlin), and any of them would put the firm inside a US region.
      const countryName = cell(`${side}_country_name`) || country;
      draft.address = [address, city, cell(`${side}_foreign_postal_code`), countryName]
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
      const state = stateCode(cell(`${side}_state_code`));
      if (state !== null) draft.state = state;
      if (zipRead !== null && !zipRead.ok && cell(`${side}_zip_code`) !== '') {
        log.issue('zip-invalid', {
          row,
          column: column(`${side}_zip_code`),
          value: cell(`${side}_zip_code`),
          message: `ZIP ${zipRead.problem}; it was left out.`,
        });
      }
      if (zipRead?.ok === true && zipRead.fixed !== undefined)
        log.issue('zip-repaired', {
          row,
          column: column(`${side}_zip_code`),
          value: cell(`${side}_zip_code`),
          message: `ZIP ${zipRead.fixed}.`,
        });
      if (zip !== undefined) draft.zip = zip;
      const countyText = side === 'prime_awardee' ? cell('prime_awardee_county_fips_code') : '';
      if (countyText !== '') {
        const county = readCountyFips(countyText, cell('prime_awardee_state_fips_code') || undefined);
        if (county.ok) {
          draft.county = county.value as CountyFips;
          if (county.fixed !== undefined)
            log.issue('county-padded', {
              row,
              column: column('prime_awardee_county_fips_code'),
              value: countyText,
              message: `county FIPS ${county.fixed}.`,
            });
        } else {
          log.issue('county-invalid', {
            row,
            column: column('prime_awardee_county_fips_code'),
            value: countyText,
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

  log.size(table.firstRow - 1 + table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.firstRow + i;
    cells = table.rows[i] ?? [];
    if (cells.length === 0) continue;
    if (i % PROGRESS_EVERY === 0) {
      if (ctx.cancelled()) return;
      ctx.progress(i / table.rows.length);
    }
    log.accept(row);
    const unnamed = UNNAMED_FIRMS.find((firm) => cell(firm.column) === '');
    if (unnamed !== undefined) {
      log.issue(unnamed.reason, {
        row,
        column: column(unnamed.column),
        message: `the ${unnamed.who} has no name; this subaward was not imported.`,
      });
      continue;
    }
    const prime = firm('prime_awardee', row);
    const sub = firm('subawardee', row);
    if (prime === null || sub === null) continue;
    if (prime === sub) {
      log.issue('subaward-self', {
        row,
        value: cell('subawardee_name'),
        message: `the subawardee is the prime awardee itself ("${cell('prime_awardee_name')}"); no link was made for this row.`,
      });
      continue;
    }

    const yearText = Number(
      cell('subaward_action_date_fiscal_year') || cell('subaward_action_date').slice(0, 4),
    );
    const year = Number.isInteger(yearText) && yearText >= 1900 && yearText <= 2100 ? yearText : undefined;
    ctx.noteDate(cell('subaward_action_date'));
    const key = `${sub}\u0000${prime}\u0000${year ?? ''}`;
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = { source: sub, target: prime, firstRow: row, total: 0, amounts: 0, naics: new Map(), year };
      pairs.set(key, pair);
    }
    const amountText = cell('subaward_amount');
    let amount = 0;
    if (amountText !== '') {
      const read = readNumber(amountText);
      if (read.ok) {
        amount = read.value;
        pair.total += amount;
        pair.amounts++;
      } else {
        log.issue('value-invalid', {
          row,
          column: column('subaward_amount'),
          value: amountText,
          message: `subaward amount ${quote(amountText)} ${read.problem}; it was not added to the link's value.`,
        });
      }
    }
    const naicsText = cell('prime_award_naics_code');
    if (naicsText !== '') {
      const naics = readNaics(naicsText);
      if (naics.ok) pair.naics.set(naics.value, (pair.naics.get(naics.value) ?? 0) + Math.max(amount, 0));
      else
        log.issue('naics-invalid', {
          row,
          column: column('prime_award_naics_code'),
          value: naicsText,
          message: `award NAICS ${naics.problem}; the link has no capability from this row.`,
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
