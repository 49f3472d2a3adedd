import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Headline } from '../../io/records/pipeline.ts';
import { bundleWith } from '../derive/test-data.ts';
import { HeadlineView } from './RecordsDialog.tsx';

const headline: Headline = {
  region: 'Home <b>Region</b>',
  firms: 4,
  years: [
    {
      fiscalYear: 2023,
      region: 5_000_000,
      regionByPerformance: 5_000_000,
      regionByRecipient: 4_000_000,
      state: 8_000_000,
      share: 0.625,
      firms: 2,
    },
    {
      fiscalYear: 2024,
      region: 3_650_000,
      regionByPerformance: 1_650_000,
      regionByRecipient: 2_650_000,
      state: 0,
      share: null,
      firms: 4,
    },
  ],
  topNaics: [],
  boughtOutside: [],
  strongest: [
    { naics: '332811', establishments: 15, employees: 400, lqEstablishments: 2.5, lqEmployees: 2.5333 },
    { naics: '332710', establishments: 60, employees: 1200, lqEstablishments: 2, lqEmployees: 1.9487 },
  ],
  records: {
    transactions: 13,
    dod: 12,
    placedByPerformance: 6,
    placedByRecipient: 1,
    unplaced: 1,
    subawards: 7,
    dodSubawards: 6,
    samEntities: 0,
    subawardees: 4,
    subawardeesInSam: 0,
  },
};

describe('HeadlineView', () => {
  const made = bundleWith([{ id: 'a' }, { id: 'b' }], [['a', 'b', '332710', 1]]);
  // Built from public records: real, not synthetic.
  const bundle = { ...made, meta: { ...made.meta, synthetic: false } };
  const html = renderToStaticMarkup(<HeadlineView headline={headline} bundle={bundle} />);

  it('reads as the study does: firms, dollars by fiscal year with the share of the state, and the rule', () => {
    expect(html).toContain('<strong>4</strong> DoD-performing firms in Home &lt;b&gt;Region&lt;/b&gt;');
    expect(html).toContain('2 organizations and 1 subaward link, one per pair and fiscal year');
    const rows = [...html.matchAll(/<tr data-testid="records-year">(.*?)<\/tr>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'),
    );
    expect(rows).toEqual(['|FY2023|$5M|2|63% of $8M|', '|FY2024|$3.65M|4|—|']);
    expect(html).toContain('6 by place of performance, 1 by recipient address, of 12 DoD transactions read');
    expect(html).toContain('332811 (2.50), 332710 (2.00)');
  });

  it('says what a SAM.gov extract added, and nothing without one', () => {
    expect(html).not.toContain('data-testid="records-sam"');
    const withSam = { ...headline, records: { ...headline.records, samEntities: 1200, subawardeesInSam: 3 } };
    expect(renderToStaticMarkup(<HeadlineView headline={withSam} bundle={bundle} />)).toContain(
      'SAM.gov entity extract: 1,200 entities; 3 of 4 DoD subawardees found there',
    );
  });

  it('says when the records were generated (synthetic)', () => {
    const generated = { ...bundle, meta: { ...bundle.meta, synthetic: true } };
    expect(renderToStaticMarkup(<HeadlineView headline={headline} bundle={generated} />)).toContain(
      '(synthetic: generated records)',
    );
    expect(html).not.toContain('synthetic');
  });
});
