// A table of rows with named columns (CSV, or GeoJSON properties laid out as columns) → organizations
// or links through a column mapping. Rows are numbered as a spreadsheet shows them.
import type { LinkField, OrganizationField, ColumnMapping } from './column-mapping.ts';
import { unknownMappedColumns } from './column-mapping.ts';
import { PROGRESS_EVERY } from './context.ts';
import type { ImportContext } from './context.ts';
import { noteMissingLinkFields, noteMissingOrganizationFields } from './missing-fields.ts';
import type { FieldSource } from './missing-fields.ts';
import { readLink } from './read-link.ts';
import { addOrganization, readOrganization } from './read-organization.ts';
import type { RowSource } from './read-organization.ts';
import type { FileLog } from './report.ts';

export interface Table {
  headers: readonly string[];
  /** `rows[i]` is numbered `firstRow + i`; an empty array is an empty line, skipped. */
  rows: readonly (readonly string[])[];
  firstRow: number;
  decimalComma: boolean;
}

/** Field → column index, leaving out fields whose column the file does not have (reported once). */
function columnIndexes<F extends string>(
  mapping: ColumnMapping,
  headers: readonly string[],
  log: FileLog,
): Map<F, { index: number; name: string }> {
  const missing = unknownMappedColumns(mapping, headers);
  if (missing.length > 0) {
    log.issue('mapping-unknown-column', {
      message: `The column mapping names ${missing.map((m) => `"${m}"`).join(', ')}, which this file does not have; ${missing.length === 1 ? 'that field was' : 'those fields were'} left empty.`,
    });
  }
  const out = new Map<F, { index: number; name: string }>();
  for (const [field, column] of Object.entries(mapping.columns) as [F, string | null][]) {
    if (column === null) continue;
    const index = headers.indexOf(column);
    if (index !== -1) out.set(field, { index, name: column });
  }
  const used = new Set([...out.values()].map((c) => c.index));
  const unused = headers.filter((_, i) => !used.has(i));
  if (unused.length > 0) {
    log.issue('unused-columns', {
      value: unused.join(', '),
      message: `${unused.length === 1 ? 'Column' : 'Columns'} ${unused.map((u) => `"${u}"`).join(', ')} ${unused.length === 1 ? 'is' : 'are'} not mapped to any field and ${unused.length === 1 ? 'was' : 'were'} not imported.`,
    });
  }
  return out;
}

function rowSource<F extends string>(columns: Map<F, { index: number; name: string }>) {
  let cells: readonly string[] = [];
  const source: RowSource<F> = {
    value: (field) => {
      const at = columns.get(field);
      return at === undefined ? undefined : cells[at.index];
    },
    column: (field) => columns.get(field)?.name,
  };
  return { source, setRow: (row: readonly string[]) => (cells = row) };
}

/** The sentence that ends a missing-column message: the headers the file has, quoted. */
function headersFound(table: Table): string {
  return `Headers found: ${table.headers.map((h) => `"${h}"`).join(', ')}.`;
}

export function importOrganizationTable(
  table: Table,
  mapping: ColumnMapping & { target: 'organizations' },
  log: FileLog,
  ctx: ImportContext,
): void {
  const columns = columnIndexes<OrganizationField>(mapping, table.headers, log);
  if (!columns.has('name')) {
    log.issue('no-name-column', {
      message: `No column holds the organization names (looked for a header like "name" or "company"); choose one in the column mapping. ${headersFound(table)}`,
    });
    log.rejectRows(table.firstRow, table.rows);
    return;
  }
  const kindMapped = columns.has('kind');
  const { source, setRow } = rowSource(columns);
  let read = 0;
  eachRow(table, log, ctx, setRow, (row) => {
    const draft = readOrganization(source, row, log, ctx, { decimalComma: table.decimalComma, kindMapped });
    if (draft === null) return;
    addOrganization(draft, row, log, ctx, source.column('zip'));
    read++;
  });
  noteMissingOrganizationFields(log, (field) => columns.has(field), read, TABLE_FIELDS);
}

const TABLE_FIELDS: FieldSource = { holder: 'column', mappable: true };

/**
 * Reads every non-empty row of `table` with `read(row)` after `setRow` points the row source at its cells:
 * each row is accepted first (a reader's issues then fix or reject it), progress is told and cancellation
 * checked every PROGRESS_EVERY rows.
 */
function eachRow(
  table: Table,
  log: FileLog,
  ctx: ImportContext,
  setRow: (cells: readonly string[]) => void,
  read: (row: number) => void,
): void {
  log.size(table.firstRow - 1 + table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i] ?? [];
    if (cells.length === 0) continue;
    if (i % PROGRESS_EVERY === 0) {
      if (ctx.cancelled()) return;
      ctx.progress(i / table.rows.length);
    }
    const row = table.firstRow + i;
    setRow(cells);
    log.accept(row);
    read(row);
  }
  ctx.progress(1);
}

export function importLinkTable(
  table: Table,
  mapping: ColumnMapping & { target: 'links' },
  log: FileLog,
  ctx: ImportContext,
  fields: FieldSource = TABLE_FIELDS,
): void {
  const columns = columnIndexes<LinkField>(mapping, table.headers, log);
  if (!columns.has('source') || !columns.has('target')) {
    log.issue('no-link-columns', {
      message: `A links table needs a supplier column and a buyer column (headers like "source"/"supplier" and "target"/"buyer"); choose them in the column mapping. ${headersFound(table)}`,
    });
    log.rejectRows(table.firstRow, table.rows);
    return;
  }
  if (ctx.orgs.size === 0) {
    log.issue('links-without-organizations', {
      message:
        'This file holds only links, and there are no organizations for them to connect: import it together with a file of organizations, or onto an open dataset.',
    });
    log.rejectRows(table.firstRow, table.rows);
    return;
  }
  const { source, setRow } = rowSource(columns);
  let read = 0;
  eachRow(table, log, ctx, setRow, (row) => {
    const link = readLink(source, row, log, ctx, table.decimalComma);
    if (link === null) return;
    ctx.links.push(link);
    read++;
  });
  noteMissingLinkFields(log, (field) => columns.has(field), read, fields);
}
