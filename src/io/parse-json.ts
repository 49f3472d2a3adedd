// JSON text → value, with a syntax error reported as an issue at its line and column instead of thrown.
import type { Result } from '../domain/issues.ts';

export function parseJson(text: string, file?: string): Result<unknown> {
  // A UTF-8 byte order mark is legal in files saved by spreadsheet tools but not in JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return { value: null, issues: [{ severity: 'error', file, message: 'The file is empty.' }] };
  }
  try {
    return { value: JSON.parse(body) as unknown, issues: [] };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    let where = '';
    if (position?.[1] !== undefined) {
      const offset = Number(position[1]);
      const before = body.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${column}`;
    }
    return {
      value: null,
      issues: [
        {
          severity: 'error',
          file,
          message: `The file is not valid JSON${where} (${detail.replace(/\s*in JSON at position \d+.*$/, '')}).`,
        },
      ],
    };
  }
}
