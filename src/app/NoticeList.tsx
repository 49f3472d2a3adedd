// Notices about the link and the data: what was ignored, what could not be loaded. Text only, never HTML.
import type { Issue } from '../domain/issues.ts';
import { formatIssue } from '../domain/issues.ts';

export function NoticeList({ notices, issues }: { notices: string[]; issues: Issue[] }) {
  if (notices.length === 0 && issues.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="notices">
      <ul>
        {notices.map((notice, i) => (
          <li key={`n${i}`}>{notice}</li>
        ))}
        {issues.map((issue, i) => (
          <li key={`i${i}`} className={`issue-${issue.severity}`}>
            {formatIssue(issue)}
          </li>
        ))}
      </ul>
    </div>
  );
}
