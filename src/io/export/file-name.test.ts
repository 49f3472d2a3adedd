import { describe, expect, it } from 'vitest';
import { exportFileName } from './file-name.ts';

const real = { id: 'chicago', asOf: '2026-01-01', synthetic: false };
const sample = { ...real, synthetic: true };

describe('exportFileName', () => {
  it('starts with the dataset id and date', () => {
    expect(exportFileName(real, 'gaps', 'csv')).toBe('chicago-2026-01-01-gaps.csv');
  });

  it('says "synthetic" for sample data', () => {
    expect(exportFileName(sample, 'organizations', 'geojson')).toBe(
      'chicago-2026-01-01-synthetic-organizations.geojson',
    );
  });

  it('adds a qualifier such as the home region', () => {
    expect(exportFileName(real, 'gaps', 'csv', 'chicago-metro')).toBe(
      'chicago-2026-01-01-gaps-chicago-metro.csv',
    );
  });

  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['Region "A" / <b>', 'Region-A-b'],
    ['a\u0000b\nc', 'a-b-c'],
    ['...', ''],
  ])('makes the qualifier %j safe as %j', (qualifier, safe) => {
    expect(exportFileName(real, 'gaps', 'csv', qualifier)).toBe(
      safe === '' ? 'chicago-2026-01-01-gaps.csv' : `chicago-2026-01-01-gaps-${safe}.csv`,
    );
  });

  it('cuts a long qualifier to 60 characters', () => {
    expect(exportFileName(real, 'gaps', 'csv', 'x'.repeat(200))).toBe(
      `chicago-2026-01-01-gaps-${'x'.repeat(60)}.csv`,
    );
  });
});
