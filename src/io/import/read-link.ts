// One row of a links table → a link between two organizations found by id, UEI or name. A link whose
// supplier or buyer cannot be found is rejected with the name it gave; other bad values are dropped.
import type { CapabilityId } from '../../domain/ids.ts';
import type { Link, LinkKind } from '../../domain/model.ts';
import type { LinkField } from './column-mapping.ts';
import type { ImportContext } from './context.ts';
import type { RowSource } from './read-organization.ts';
import type { FileLog } from './report.ts';
import { quote, readNaics, readNumber, slugify } from './values.ts';

const LINK_KIND_WORDS: ReadonlyMap<string, LinkKind> = new Map([
  ...['supplies', 'supply', 'supplier', 'sells', 'sale', 'purchase', 'buys', 'supplyto'].map(
    (w) => [w, 'supplies'] as const,
  ),
  ...['subcontract', 'subcontracts', 'sub', 'subaward', 'subcontractor'].map(
    (w) => [w, 'subcontract'] as const,
  ),
  ...['trains', 'train', 'training', 'trainsfor'].map((w) => [w, 'trains'] as const),
  ...['partners', 'partner', 'partnership', 'collaboration', 'jointventure'].map(
    (w) => [w, 'partners'] as const,
  ),
]);

export const MAX_LINK_VALUE = 1e13;

export function readLink(
  source: RowSource<LinkField>,
  row: number,
  log: FileLog,
  ctx: ImportContext,
  decimalComma: boolean,
): Link | null {
  const cell = (field: LinkField): string => (source.value(field) ?? '').trim();
  const ends: { id: Link['source'] | null; field: 'source' | 'target' }[] = [];
  for (const field of ['source', 'target'] as const) {
    const text = cell(field);
    const role = field === 'source' ? 'supplier' : 'buyer';
    if (text === '') {
      log.issue('link-missing-end', {
        row,
        column: source.column(field),
        message: `the ${role} is empty; a link needs a supplier and a buyer, so this row was not imported.`,
      });
      return null;
    }
    const found = ctx.orgs.resolveReference(text);
    if (found === null) {
      log.issue('link-unknown-org', {
        row,
        column: source.column(field),
        value: text,
        message: `${role} ${quote(text)} is not an organization of the import (by id, UEI or name); this link was not imported.`,
      });
      return null;
    }
    if ('ambiguous' in found) {
      log.issue('link-ambiguous-org', {
        row,
        column: source.column(field),
        value: text,
        message: `${role} ${quote(text)} is the name of ${found.ambiguous} different organizations; use an id to say which. This link was not imported.`,
      });
      return null;
    }
    ends.push({ id: found.id, field });
  }
  const [from, to] = ends;
  if (from?.id == null || to?.id == null) return null;

  const link: Link = { source: from.id, target: to.id, kind: 'supplies' };
  const kindText = cell('kind');
  if (kindText !== '') {
    const kind = LINK_KIND_WORDS.get(kindText.toLowerCase().replace(/[^a-z]/g, ''));
    if (kind === undefined) {
      log.issue('link-kind-unknown', {
        row,
        column: source.column('kind'),
        value: kindText,
        message: `link kind ${quote(kindText)} is not one of supplies, subcontract, trains, partners; imported as supplies.`,
      });
    } else link.kind = kind;
  }

  const capability = cell('capability');
  if (capability !== '') {
    const naics = readNaics(capability);
    const id = naics.ok ? naics.value : slugify(capability, 100);
    if (id === '') {
      log.issue('capability-invalid', {
        row,
        column: source.column('capability'),
        value: capability,
        message: `capability ${quote(capability)} has no letters or digits to make an id from; it was left out.`,
      });
    } else {
      link.capability = id as CapabilityId;
      if (!naics.ok && id !== capability && !ctx.capabilityLabels.has(id))
        ctx.capabilityLabels.set(id, capability.slice(0, 300));
    }
  }

  const valueText = cell('value');
  if (valueText !== '') {
    const value = readNumber(valueText, decimalComma);
    if (!value.ok) {
      log.issue('value-invalid', {
        row,
        column: source.column('value'),
        value: valueText,
        message: `value ${quote(valueText)} ${value.problem}; the link was kept without a value.`,
      });
    } else if (value.value < 0 || value.value > MAX_LINK_VALUE) {
      log.issue('value-out-of-range', {
        row,
        column: source.column('value'),
        value: valueText,
        message: `value ${value.value} is outside 0…${MAX_LINK_VALUE}; the link was kept without a value.`,
      });
    } else link.value = value.value;
  }

  const yearText = cell('year');
  if (yearText !== '') {
    const year = readYear(yearText);
    if (year === null) {
      log.issue('year-invalid', {
        row,
        column: source.column('year'),
        value: yearText,
        message: `year ${quote(yearText)} is not a year from 1900 to 2100; the link was kept without a year.`,
      });
    } else link.year = year;
  }
  return link;
}

/** "2024", "FY2024", "FY 2024", "2024.0" → 2024. */
export function readYear(text: string): number | null {
  const match = /^(?:FY\s*)?(\d{4})(?:\.0+)?$/i.exec(text.trim());
  const year = match?.[1] === undefined ? NaN : Number(match[1]);
  return year >= 1900 && year <= 2100 ? year : null;
}
