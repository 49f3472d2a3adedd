// The import report on screen: counts per file, then the issues grouped by reason with their row numbers
// and values. Everything from the files is rendered as text by React, never as HTML.
import type { ImportReport } from '../../io/import/report.ts';
import { describeIssue } from '../../io/import/report.ts';
import { countsLine, plural } from '../../io/import/report-text.ts';
import { FORMAT_LABELS } from '../../io/import/formats.ts';

/** Issues listed per group on screen; the CSV report has them all. */
export const ISSUES_SHOWN = 50;

const EFFECT_LABELS = { rejected: 'Rejected', fixed: 'Fixed', note: 'Note' } as const;

export function ImportReportView({ report }: { report: ImportReport }) {
  const nouns = new Map(report.files.map((f) => [f.file, f.noun]));
  const several = report.files.length > 1;
  return (
    <section className="import-report" data-testid="import-report" aria-label="Import report">
      <p className="import-summary" data-testid="import-counts">
        {report.organizations > 0
          ? `${plural(report.organizations, 'organization')} and ${plural(report.links, 'link')} ready to import. `
          : 'Nothing can be imported from these files. '}
        {countsLine(report.totals)}.
      </p>
      {several && (
        <ul className="import-files">
          {report.files.map((file, i) => (
            <li key={`${file.file}-${i}`}>
              {file.file} ({file.format === null ? 'not read' : FORMAT_LABELS[file.format]}):{' '}
              {countsLine(file, file.noun)}
            </li>
          ))}
        </ul>
      )}
      {report.groups.length === 0 && <p>Every row was read as it is.</p>}
      <ul className="import-groups">
        {report.groups.map((group) => (
          <li
            key={group.reason}
            className={`import-group import-group-${group.effect}`}
            data-testid={`import-group-${group.reason}`}
          >
            <details open={group.effect === 'rejected' || group.reason === 'field-missing'}>
              <summary>
                <span className="import-effect">{EFFECT_LABELS[group.effect]}</span> {group.title}{' '}
                <span className="import-count">({group.count.toLocaleString('en-US')})</span>
              </summary>
              <ul className="import-issues">
                {group.issues.slice(0, ISSUES_SHOWN).map((issue, i) => (
                  <li key={i}>
                    {several && issue.file !== undefined ? `${issue.file}: ` : ''}
                    {describeIssue(issue, nouns.get(issue.file ?? '') ?? 'row')}
                  </li>
                ))}
              </ul>
              {group.count > ISSUES_SHOWN && (
                <p className="import-more">
                  … and {(group.count - ISSUES_SHOWN).toLocaleString('en-US')} more in the CSV report.
                </p>
              )}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
