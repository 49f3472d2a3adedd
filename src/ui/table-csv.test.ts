import { describe, expect, it } from 'vitest';
import { csvCell } from '../io/export/csv-text.ts';
import { toCsv } from './table-csv.ts';

describe('csvCell', () => {
  it.each([
    { value: 'plain', want: 'plain' },
    { value: 'a,b', want: '"a,b"' },
    { value: 'say "hi"', want: '"say ""hi"""' },
    { value: 'two\nlines', want: '"two\nlines"' },
    { value: 'cr\rhere', want: '"cr\rhere"' },
    { value: '', want: '' },
    { value: null, want: '' },
    { value: undefined, want: '' },
    { value: 1234.5, want: '1234.5' },
    { value: -40, want: '-40' },
    { value: Number.NaN, want: '' },
    // Formula injection: text starting with = + - @ (or tab / CR) is kept as text with a leading quote.
    { value: '=HYPERLINK("http://x","y")', want: '"\'=HYPERLINK(""http://x"",""y"")"' },
    { value: '+1', want: "'+1" },
    // A negative number is data, not a formula (OWASP): it stays numeric.
    { value: '-1', want: '-1' },
    { value: '-cmd', want: "'-cmd" },
    { value: '@SUM(A1)', want: "'@SUM(A1)" },
    { value: '\t=1', want: "'\t=1" },
    { value: 'a=b', want: 'a=b' },
  ])('$value → $want', ({ value, want }) => {
    expect(csvCell(value)).toBe(want);
  });
});

describe('toCsv', () => {
  it('writes a header line and one newline-terminated line per row, in the given order', () => {
    const rows = [
      { name: 'Acme, Inc.', value: 10 },
      { name: '=cmd', value: null },
    ];
    const csv = toCsv(rows, [
      { header: 'Name', csv: (r) => r.name },
      { header: 'Value (USD)', csv: (r) => r.value },
    ]);
    expect(csv).toBe('Name,Value (USD)\n"Acme, Inc.",10\n\'=cmd,\n');
  });

  it('quotes headers like cells', () => {
    expect(toCsv([], [{ header: 'a "b"', csv: () => '' }])).toBe('"a ""b"""\n');
  });
});
