// A JSON file of `organizations` and `links` lists that is not a Forgemap bundle (no "format"): each list is
// read as a table, one column per key, and goes through the same column mapping and row checks as a CSV of
// organizations or links. Lists in a cell become "a; b"; nested objects are not table cells and are skipped.
import type { ColumnMapping } from './column-mapping.ts';
import { autoDetectMapping } from './column-mapping.ts';
import type { ImportContext } from './context.ts';
import { importLinkTable, importOrganizationTable } from './import-table.ts';
import type { Table } from './import-table.ts';
import type { FileLog } from './report.ts';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value
      .filter((v) => typeof v === 'string' || typeof v === 'number')
      .map(String)
      .join('; ');
  return '';
}

/** A list of records as a table: the keys in order of first appearance; a non-object record is an empty row. */
export function recordsTable(records: readonly unknown[], firstRow: number): Table {
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const record of records)
    if (typeof record === 'object' && record !== null && !Array.isArray(record))
      for (const key of Object.keys(record))
        if (!seen.has(key)) {
          seen.add(key);
          headers.push(key);
        }
  const rows = records.map((record) =>
    typeof record === 'object' && record !== null && !Array.isArray(record)
      ? headers.map((key) => cell(Reflect.get(record, key)))
      : [],
  );
  return { headers, rows, firstRow, decimalComma: false };
}

/**
 * Imports the two lists; rows are numbered through the file: organizations 1…n, then links n+1…. Returns the
 * organizations' mapping (the one the dialog lets the user edit) and their headers.
 */
export function importJsonTables(
  json: unknown,
  given: ColumnMapping | null,
  log: FileLog,
  ctx: ImportContext,
  maxRows: number,
): { headers: string[]; mapping: ColumnMapping } | null {
  const list = (key: string): unknown[] => {
    const value: unknown = typeof json === 'object' && json !== null ? Reflect.get(json, key) : undefined;
    return Array.isArray(value) ? value : [];
  };
  const organizations = list('organizations');
  const links = list('links');
  if (organizations.length + links.length > maxRows) {
    log.issue('too-many-rows', {
      message: `The file has more than ${maxRows.toLocaleString('en-US')} records; Forgemap imports at most that many per file. Split it into smaller files.`,
    });
    return null;
  }
  // A list item that is no object (a string, a number, a list) is no record: said, and counted as rejected.
  const notRecords = (records: readonly unknown[], firstRow: number, list: string) =>
    records.forEach((record, i) => {
      if (typeof record === 'object' && record !== null && !Array.isArray(record)) return;
      log.issue('record-not-object', {
        row: firstRow + i,
        value: JSON.stringify(record)?.slice(0, 80),
        message: `item ${i + 1} of "${list}" is ${Array.isArray(record) ? 'a list' : record === null ? 'null' : `a ${typeof record}`}, not a record with named fields; it was not imported.`,
      });
    });
  notRecords(organizations, 1, 'organizations');
  notRecords(links, organizations.length + 1, 'links');
  const orgTable = recordsTable(organizations, 1);
  const mapping =
    given?.target === 'organizations' ? given : autoDetectMapping(orgTable.headers, 'organizations');
  if (organizations.length > 0 && mapping.target === 'organizations')
    importOrganizationTable(orgTable, mapping, log, ctx);
  if (links.length > 0) {
    const linkTable = recordsTable(links, organizations.length + 1);
    const linkMapping = autoDetectMapping(linkTable.headers, 'links');
    // The dialog maps the organizations only: the links' fields are found by name.
    if (linkMapping.target === 'links')
      importLinkTable(linkTable, linkMapping, log, ctx, { holder: 'link field', mappable: false });
  }
  return { headers: [...orgTable.headers], mapping };
}
