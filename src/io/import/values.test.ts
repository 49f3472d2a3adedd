import { describe, expect, it } from 'vitest';
import * as values from './values.ts';

describe('readNumber', () => {
  it.each([
    ['1250', false, 1250],
    ['$1,250,000.50', false, 1250000.5],
    ['(1,250.00)', false, -1250],
    [' -87.6181 ', false, -87.6181],
    ['41,8858', true, 41.8858],
    ['1.234,5', true, 1234.5],
    ['1e3', false, 1000],
  ])('reads %j (decimal comma: %s) as %d', (text, decimalComma, expected) => {
    expect(values.readNumber(text, decimalComma)).toEqual({ ok: true, value: expected, fixed: undefined });
  });
  it.each(['NaN', 'abc', '1,5', '12,34,5', '', 'Infinity', '--1'])('rejects %j', (text) => {
    expect(values.readNumber(text).ok).toBe(false);
  });
});

describe('readZip', () => {
  it('keeps a ZIP and a ZIP+4 as written', () => {
    expect(values.readZip('60601')).toMatchObject({ ok: true, value: '60601' });
    expect(values.readZip('60601-1234')).toMatchObject({ ok: true, value: '60601-1234', fixed: undefined });
  });
  it('repairs nine digits and dropped leading zeros, and says so', () => {
    expect(values.readZip('606011234')).toMatchObject({ ok: true, value: '60601-1234' });
    expect(values.readZip('2139')).toMatchObject({ ok: true, value: '02139' });
    const padded = values.readZip('2139');
    expect(padded.ok ? padded.fixed : null).toContain('padded to 02139');
  });
  it('rejects what is no ZIP', () => {
    expect(values.readZip('ABCDE').ok).toBe(false);
    expect(values.readZip('12').ok).toBe(false);
  });
});

describe('readCountyFips', () => {
  it('pads a 4-digit code and joins a 3-digit code to its state', () => {
    expect(values.readCountyFips('6037')).toMatchObject({ ok: true, value: '06037' });
    expect(values.readCountyFips('31', '17')).toMatchObject({ ok: true, value: '17031' });
    expect(values.readCountyFips('17031')).toEqual({ ok: true, value: '17031', fixed: undefined });
    expect(values.readCountyFips('Cook').ok).toBe(false);
  });
});

describe('readNaics', () => {
  it('repairs a code that went through Excel and explains a sector code', () => {
    expect(values.readNaics('332710.0')).toMatchObject({ ok: true, value: '332710' });
    expect(values.readNaics('3327')).toEqual({
      ok: false,
      problem: '"3327" is a 4-digit NAICS sector, not a 6-digit industry code',
    });
  });
});

describe('normalizeName', () => {
  it('makes spellings of one firm equal', () => {
    expect(values.normalizeName('Acme Tool & Die, Inc.')).toBe('acme tool and die');
    expect(values.normalizeName('ACME TOOL AND DIE INC')).toBe('acme tool and die');
    expect(values.normalizeName('Riverside Machining, L.L.C.')).toBe('riverside machining');
    expect(values.normalizeName('The Böhm Company')).toBe('bohm');
  });
  it('keeps a name made only of a suffix word', () => {
    expect(values.normalizeName('Inc')).toBe('inc');
  });
});

describe('slugify and splitList', () => {
  it('makes ids and splits list cells', () => {
    expect(values.slugify('5-Axis Machining')).toBe('5-axis-machining');
    expect(values.slugify('<b>Bold</b> Co')).toBe('b-bold-b-co');
    expect(values.slugify('株式会社')).toBe('');
    expect(values.splitList('AS9100; ITAR;;')).toEqual(['AS9100', 'ITAR']);
    expect(values.splitList('AS9100|ISO 9001')).toEqual(['AS9100', 'ISO 9001']);
    expect(values.splitList('332710, 332999')).toEqual(['332710', '332999']);
  });
});
