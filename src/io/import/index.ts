// The importers' public surface, re-exported for the worker, the CLI and the import dialog.
export { importFiles } from './import-files.ts';
export type { ImportFile, ImportOptions, ImportOutcome, ImportedData, ImportedFile } from './import-files.ts';
export { detectFormat, FORMAT_LABELS, IMPORT_FORMATS, isImportFormat } from './formats.ts';
export type { ImportFormat } from './formats.ts';
export {
  autoDetectMapping,
  emptyMapping,
  FIELD_LABELS,
  LINK_FIELDS,
  ORGANIZATION_FIELDS,
  sanitizeMapping,
} from './column-mapping.ts';
export type { ColumnMapping, LinkField, MappingTarget, OrganizationField } from './column-mapping.ts';
export {
  describeIssue,
  reportIssues,
  reportToCsv,
  ROW_ACCEPTED,
  ROW_FIXED,
  ROW_NONE,
  ROW_REJECTED,
} from './report.ts';
export type { FileReport, ImportIssue, ImportReport, ReportGroup, RowCounts, RowStatus } from './report.ts';
export { REASONS } from './reasons.ts';
export type { IssueEffect, IssueReason } from './reasons.ts';
export { decodeText } from './decode-text.ts';
export { formatBytes, MAX_FILE_BYTES, MAX_ROWS } from './limits.ts';
