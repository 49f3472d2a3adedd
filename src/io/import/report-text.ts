// The import report as plain text lines: the counts, then each group of issues with its rows and values.
// The CLI prints it; the same words appear in the import dialog.
import { FORMAT_LABELS } from './formats.ts';
import type { ImportIssue, ImportReport, ReportGroup, RowCounts } from './report.ts';
import { describeIssue } from './report.ts';

const EFFECT_HEADINGS = { rejected: 'Rejected', fixed: 'Fixed', note: 'Notes' } as const;

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

export function countsLine(counts: RowCounts, noun = 'row'): string {
  return `${plural(counts.rows, noun)}: ${counts.accepted.toLocaleString('en-US')} accepted, ${counts.fixed.toLocaleString('en-US')} fixed, ${counts.rejected.toLocaleString('en-US')} rejected`;
}

/** `perGroup` caps the issues listed under each heading (0 = all). */
export function reportLines(report: ImportReport, perGroup = 20): string[] {
  const lines: string[] = [];
  lines.push(
    report.organizations > 0
      ? `Imported ${plural(report.organizations, 'organization')} and ${plural(report.links, 'link')}.`
      : 'Nothing was imported.',
  );
  for (const file of report.files) {
    const format = file.format === null ? 'not read' : FORMAT_LABELS[file.format];
    lines.push(`  ${file.file} (${format}): ${countsLine(file, file.noun)}`);
  }
  const nouns = new Map(report.files.map((f) => [f.file, f.noun]));
  let effect: ReportGroup['effect'] | null = null;
  for (const group of report.groups) {
    if (group.effect !== effect) {
      effect = group.effect;
      lines.push('', EFFECT_HEADINGS[effect]);
    }
    lines.push(`  ${group.title} (${group.count.toLocaleString('en-US')})`);
    const shown = perGroup === 0 ? group.issues : group.issues.slice(0, perGroup);
    for (const issue of shown)
      lines.push(`    ${issueLine(issue, nouns.get(issue.file ?? '') ?? 'row', report.files.length > 1)}`);
    const more = group.count - shown.length;
    if (more > 0) lines.push(`    … and ${more.toLocaleString('en-US')} more`);
  }
  return lines;
}

function issueLine(issue: ImportIssue, noun: string, withFile: boolean): string {
  const text = describeIssue(issue, noun);
  return withFile && issue.file !== undefined ? `${issue.file}: ${text}` : text;
}
