// The import report: for every row of every file whether it was accepted, fixed or rejected, the issues
// grouped by reason with their row numbers and values, and a CSV of it all for the user to keep.
import type { Issue } from '../../domain/issues.ts';
import { csvText } from '../export/csv-text.ts';
import type { ImportFormat } from './formats.ts';
import { MAX_ISSUES_PER_REASON } from './limits.ts';
import type { IssueEffect, IssueReason } from './reasons.ts';
import { REASONS } from './reasons.ts';

export interface ImportIssue extends Issue {
  reason: IssueReason;
  effect: IssueEffect;
  /** The offending value as written in the file. */
  value?: string | undefined;
}

/** Row status codes in `FileReport.statuses`; 0 marks a line that is no record (header, empty line). */
export const ROW_NONE = 0;
export const ROW_ACCEPTED = 1;
export const ROW_FIXED = 2;
export const ROW_REJECTED = 3;

export type RowStatus = 'accepted' | 'fixed' | 'rejected';
const STATUS_NAMES: readonly (RowStatus | null)[] = [null, 'accepted', 'fixed', 'rejected'];

export interface RowCounts {
  rows: number;
  accepted: number;
  fixed: number;
  rejected: number;
}

export interface FileReport extends RowCounts {
  file: string;
  format: ImportFormat | null;
  /** What one numbered item of this file is, for messages: "row", "feature", "element", "record". */
  noun: string;
  /** Status of item n at index n − 1. */
  statuses: Uint8Array;
}

export interface ReportGroup {
  reason: IssueReason;
  title: string;
  severity: ImportIssue['severity'];
  effect: IssueEffect;
  /** All occurrences, including those past the listing cap. */
  count: number;
  /** The occurrences listed, in file order. */
  issues: ImportIssue[];
}

export interface ImportReport {
  files: FileReport[];
  totals: RowCounts;
  /** What the resulting bundle holds (0 when nothing was imported). */
  organizations: number;
  links: number;
  /** Rejections first, then fixes, then notes; larger groups first within each. */
  groups: ReportGroup[];
}

type IssueInput = Omit<ImportIssue, 'reason' | 'effect' | 'severity' | 'file'> & {
  severity?: ImportIssue['severity'];
};

/** Collects statuses and issues while files are read; `finish` turns them into the report. */
export class ReportBuilder {
  private readonly groups = new Map<IssueReason, { count: number; issues: ImportIssue[] }>();
  readonly files: FileLog[] = [];

  file(name: string, format: ImportFormat | null, noun = 'row'): FileLog {
    const log = new FileLog(this, name, format, noun);
    this.files.push(log);
    return log;
  }

  /** An issue about the import as a whole rather than one file. */
  general(reason: IssueReason, issue: IssueInput): void {
    this.record(reason, issue, undefined);
  }

  record(reason: IssueReason, input: IssueInput, file: string | undefined): ImportIssue {
    const info = REASONS[reason];
    const issue: ImportIssue = {
      severity: input.severity ?? info.severity,
      reason,
      effect: info.effect,
      message: input.message,
      file,
      row: input.row,
      column: input.column,
      path: input.path,
      value: input.value,
    };
    let group = this.groups.get(reason);
    if (group === undefined) {
      group = { count: 0, issues: [] };
      this.groups.set(reason, group);
    }
    group.count++;
    if (group.issues.length < MAX_ISSUES_PER_REASON) group.issues.push(issue);
    return issue;
  }

  hasRejections(): boolean {
    return [...this.groups.keys()].some((r) => REASONS[r].effect === 'rejected');
  }

  finish(organizations: number, links: number): ImportReport {
    const files = this.files.map((log) => log.toReport());
    const totals: RowCounts = { rows: 0, accepted: 0, fixed: 0, rejected: 0 };
    for (const file of files) {
      totals.rows += file.rows;
      totals.accepted += file.accepted;
      totals.fixed += file.fixed;
      totals.rejected += file.rejected;
    }
    const order: Record<IssueEffect, number> = { rejected: 0, fixed: 1, note: 2 };
    const groups = [...this.groups.entries()]
      .map(([reason, group]) => ({
        reason,
        title: REASONS[reason].title,
        severity: REASONS[reason].severity,
        effect: REASONS[reason].effect,
        count: group.count,
        issues: group.issues,
      }))
      .sort((a, b) => order[a.effect] - order[b.effect] || b.count - a.count);
    return { files, totals, organizations, links, groups };
  }
}

/** The statuses and issues of one file. */
export class FileLog {
  readonly name: string;
  readonly format: ImportFormat | null;
  readonly noun: string;
  private statuses = new Uint8Array(0);
  private readonly builder: ReportBuilder;

  constructor(builder: ReportBuilder, name: string, format: ImportFormat | null, noun: string) {
    this.builder = builder;
    this.name = name;
    this.format = format;
    this.noun = noun;
  }

  /** Makes room for items numbered 1…count. */
  size(count: number): void {
    if (count <= this.statuses.length) return;
    const grown = new Uint8Array(count);
    grown.set(this.statuses);
    this.statuses = grown;
  }

  accept(row: number): void {
    this.mark(row, ROW_ACCEPTED);
  }

  /** Records an issue; one about a row also moves that row's status (rejected beats fixed beats accepted). */
  issue(reason: IssueReason, input: IssueInput): ImportIssue {
    const issue = this.builder.record(reason, input, this.name);
    if (input.row !== undefined) {
      const effect = REASONS[reason].effect;
      this.mark(
        input.row,
        effect === 'rejected' ? ROW_REJECTED : effect === 'fixed' ? ROW_FIXED : ROW_ACCEPTED,
      );
    }
    return issue;
  }

  /** A whole file turned down after it was read: every record of it counts as rejected. */
  rejectRows(firstRow: number, rows: readonly (readonly string[])[]): void {
    this.size(firstRow - 1 + rows.length);
    rows.forEach((cells, i) => {
      if (cells.length > 0) this.mark(firstRow + i, ROW_REJECTED);
    });
  }

  /** `count` rows from `firstRow` on that were never read as rows (the lines after a broken quote). */
  rejectRange(firstRow: number, count: number): void {
    this.size(firstRow - 1 + count);
    for (let row = firstRow; row < firstRow + count; row++) this.mark(row, ROW_REJECTED);
  }

  /** Every row read as accepted or fixed counts as rejected (nothing of the import was kept). */
  rejectRead(): void {
    for (let i = 0; i < this.statuses.length; i++)
      if (this.statuses[i] !== ROW_NONE) this.statuses[i] = ROW_REJECTED;
  }

  statusOf(row: number): number {
    return this.statuses[row - 1] ?? ROW_NONE;
  }

  private mark(row: number, status: number): void {
    if (!Number.isInteger(row) || row < 1) return;
    this.size(row);
    const index = row - 1;
    if ((this.statuses[index] ?? 0) < status) this.statuses[index] = status;
  }

  toReport(): FileReport {
    const counts = [0, 0, 0, 0];
    for (const status of this.statuses) counts[status] = (counts[status] ?? 0) + 1;
    const [, accepted = 0, fixed = 0, rejected = 0] = counts;
    return {
      file: this.name,
      format: this.format,
      noun: this.noun,
      statuses: this.statuses,
      rows: accepted + fixed + rejected,
      accepted,
      fixed,
      rejected,
    };
  }
}

/** Every issue of the report, in group order. */
export function reportIssues(report: ImportReport): ImportIssue[] {
  return report.groups.flatMap((group) => group.issues);
}

/** "Row 214: latitude 291.3 is outside -90…90." — an issue as one line of plain text. */
export function describeIssue(issue: ImportIssue, noun = 'row'): string {
  const where =
    issue.row !== undefined
      ? `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${issue.row}: `
      : issue.path !== undefined
        ? `${issue.path}: `
        : '';
  return `${where}${issue.message}`;
}

export const REPORT_CSV_HEADER = ['file', 'row', 'status', 'reason', 'column', 'value', 'message'] as const;

/**
 * The per-row report as CSV: one line per issue, and one line for each row that had none, so that every
 * row of every file is explained. Issues past the listing cap still have their row's status line.
 */
export function reportToCsv(report: ImportReport): string {
  const byRow = new Map<string, ImportIssue[]>();
  const general: ImportIssue[] = [];
  for (const issue of reportIssues(report)) {
    if (issue.row === undefined || issue.file === undefined) {
      general.push(issue);
      continue;
    }
    const key = `${issue.file}\u0000${issue.row}`;
    const list = byRow.get(key);
    if (list === undefined) byRow.set(key, [issue]);
    else list.push(issue);
  }
  const rows: (string | number | undefined)[][] = [];
  const line = (cells: (string | number | undefined)[]) => rows.push(cells);
  for (const issue of general) {
    line([
      issue.file,
      '',
      issue.effect === 'rejected' ? 'rejected' : '',
      issue.reason,
      issue.column,
      issue.value,
      describeIssue(issue),
    ]);
  }
  for (const file of report.files) {
    file.statuses.forEach((status, index) => {
      const name = STATUS_NAMES[status];
      if (name === null || name === undefined) return;
      const row = index + 1;
      const issues = byRow.get(`${file.file}\u0000${row}`);
      if (issues === undefined) line([file.file, row, name, '', '', '', '']);
      else
        for (const issue of issues)
          line([file.file, row, name, issue.reason, issue.column, issue.value, issue.message]);
    });
  }
  return csvText(REPORT_CSV_HEADER, rows);
}
