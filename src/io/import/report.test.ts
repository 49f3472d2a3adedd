import { describe, expect, it } from 'vitest';
import { csvCell } from '../export/csv-text.ts';
import { ReportBuilder, reportToCsv } from './report.ts';

describe('ReportBuilder', () => {
  it('counts each row once, the worst outcome winning, and groups issues rejections first', () => {
    const builder = new ReportBuilder();
    const log = builder.file('a.csv', 'organizations');
    log.size(5);
    for (const row of [2, 3, 4, 5]) log.accept(row);
    log.issue('geocoded-from-zip', { row: 3, message: 'placed.' });
    log.issue('name-missing', { row: 4, message: 'no name.' });
    log.issue('geocoded-from-zip', { row: 4, message: 'placed.' });
    log.issue('foreign-subawardee', { row: 5, message: 'abroad.' });
    const report = builder.finish(3, 0);
    expect(report.totals).toEqual({ rows: 4, accepted: 2, fixed: 1, rejected: 1 });
    expect(report.groups.map((g) => [g.reason, g.count])).toEqual([
      ['name-missing', 1],
      ['geocoded-from-zip', 2],
      ['foreign-subawardee', 1],
    ]);
  });

  it('exports one CSV line per issue and one per row without issues', () => {
    const builder = new ReportBuilder();
    const log = builder.file('a.csv', 'organizations');
    log.accept(2);
    log.accept(3);
    log.issue('latitude-out-of-range', {
      row: 3,
      column: 'lat',
      value: '291.3',
      message: 'latitude 291.3 is outside -90…90.',
    });
    log.issue('empty-lines', { value: '1', message: '1 empty line was skipped.' });
    expect(reportToCsv(builder.finish(2, 0)).split('\n')).toEqual([
      'file,row,status,reason,column,value,message',
      'a.csv,,,empty-lines,,1,1 empty line was skipped.',
      'a.csv,2,accepted,,,,',
      'a.csv,3,fixed,latitude-out-of-range,lat,291.3,latitude 291.3 is outside -90…90.',
      '',
    ]);
  });
});

describe('csvCell', () => {
  it('quotes separators and defuses formulas but not negative numbers', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-87.6')).toBe('-87.6');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
