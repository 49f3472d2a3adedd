import { describe, expect, it } from 'vitest';
import { csvText, safeCell } from './csv-text.ts';

describe('safeCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-', "'-"],
    ['-2+3', "'-2+3"],
    ['-1,2', "'-1,2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-87.6', '-87.6'],
    ['-0.5', '-0.5'],
    ['-.5', '-.5'],
    ['-1e-7', '-1e-7'],
    ['42', '42'],
    ['a=b', 'a=b'],
    [' =1', ' =1'],
    ['', ''],
  ])('writes the text %j as %j', (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });

  it('writes numbers as numbers, negative ones unquoted', () => {
    expect(safeCell(-87.6298)).toBe('-87.6298');
    expect(safeCell(1e21)).toBe('1e+21');
    expect(safeCell(0)).toBe('0');
  });

  it('writes missing and non-finite values as empty cells', () => {
    expect(safeCell(undefined)).toBe('');
    expect(safeCell(null)).toBe('');
    expect(safeCell(Number.NaN)).toBe('');
    expect(safeCell(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('csvText', () => {
  it('quotes commas, quotes and line breaks, and ends with a newline', () => {
    expect(
      csvText(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', 1],
        ],
      ),
    ).toBe('a,b\n"x,y","say ""hi"""\n"line\nbreak",1\n');
  });

  it('quotes a guarded cell that starts with a carriage return', () => {
    expect(csvText(['a'], [['\r=1']])).toBe('a\n"\'\r=1"\n');
  });

  it('starts with a byte order mark only when asked', () => {
    expect(csvText(['a'], [], { bom: true })).toBe('\uFEFFa\n');
    expect(csvText(['a'], [])).toBe('a\n');
  });
});
