// Errors as data: every loader and importer returns `{ value, issues }` and never throws on user data.
// An issue says how bad it is, what is wrong in plain words, and where (file, path, row, column).
export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  severity: Severity;
  /** A sentence a non-programmer understands. */
  message: string;
  /** Where in a JSON document, e.g. `organizations[12].lat`. */
  path?: string | undefined;
  file?: string | undefined;
  /** 1-based row of a tabular file. */
  row?: number | undefined;
  column?: string | undefined;
}

export interface Result<T> {
  /** Null when nothing usable could be read. */
  value: T | null;
  issues: Issue[];
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** `organizations` + 12 + `lat` → `organizations[12].lat`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** One line per issue, for the CLI and logs: `error organizations[3].lat: latitude 291.3 is …`. */
export function formatIssue(issue: Issue): string {
  const where = [
    issue.file,
    issue.row !== undefined ? `row ${issue.row}` : undefined,
    issue.column !== undefined ? `column "${issue.column}"` : undefined,
    issue.path,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(', ');
  return `${issue.severity} ${where === '' ? '' : `${where}: `}${issue.message}`;
}
