// `forgemap validate <file>`: loads a bundle with the app's own loader and reports what it found.
import { readFile } from 'node:fs/promises';
import { loadBundle } from '../../src/io/load-bundle.ts';
import { parseJson } from '../../src/io/parse-json.ts';
import { formatIssue, hasErrors } from '../../src/domain/issues.ts';
import type { Issue } from '../../src/domain/issues.ts';
import { referenceRegionIds } from './reference.ts';

import type { CommandOutput } from './output.ts';

export async function validateCommand(file: string): Promise<CommandOutput> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return {
      lines: [
        `error ${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      ],
      exitCode: 2,
    };
  }
  const parsed = parseJson(text, file);
  if (parsed.value === null) return report(parsed.issues, file);
  const loaded = loadBundle(parsed.value, { knownRegionIds: await referenceRegionIds() });
  const issues = loaded.issues.map((issue) => ({ ...issue, file }));
  const bundle = loaded.value;
  if (bundle === null || hasErrors(issues)) return report(issues, file);
  return {
    lines: [
      `valid: ${bundle.organizations.length} organizations, ${bundle.links.length} links, ${bundle.regions.length} regions`,
      ...issues.map(formatIssue),
    ],
    exitCode: 0,
  };
}

function report(issues: Issue[], file: string): CommandOutput {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return {
    lines: [
      ...issues.map(formatIssue),
      `invalid: ${file} has ${errors} ${errors === 1 ? 'error' : 'errors'}`,
    ],
    exitCode: 1,
  };
}
