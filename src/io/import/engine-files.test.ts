import { describe, expect, it } from 'vitest';
import { openNodeHost } from '../../../scripts/cli/duck.ts';
import { readOnEngine } from './engine-files.ts';
import { importFiles } from './import-files.ts';

const HEADER =
  'prime_awardee_uei;prime_awardee_name;prime_award_naics_code;subawardee_uei;subawardee_name;subaward_amount;subaward_action_date_fiscal_year';
const ORGS = 'id,name,kind\nx,Other Firm,manufacturer\n';

describe('files read on the records engine', () => {
  it('opens no engine when no Subawards download is among the files', async () => {
    let opened = 0;
    const files = await readOnEngine([{ name: 'orgs.csv', data: ORGS }], {}, () => {
      opened++;
      return openNodeHost();
    });
    expect(opened).toBe(0);
    expect(files[0]?.subawards).toBeUndefined();
  });

  it('reads a semicolon file with decimal commas, as Excel writes one where the comma is the decimal mark', async () => {
    const text = `${HEADER}\nPRIMEA000001;Alder Prime Works;332710;SUBB00000001;Birch Fabrication;1.234,50;2024\nPRIMEA000001;Alder Prime Works;332710;SUBB00000001;Birch Fabrication;10,25;2024\n`;
    const files = await readOnEngine([{ name: 'subawards.csv', data: text }], {}, openNodeHost);
    const outcome = importFiles(files, { today: '2026-06-01' });
    expect(outcome.value?.bundle.links).toEqual([
      {
        source: 'birch-fabrication',
        target: 'alder-prime-works',
        kind: 'subcontract',
        capability: '332710',
        value: 1244.75,
        year: 2024,
      },
    ]);
  });

  it('says so against the file when the engine does not start, and imports the other files', async () => {
    const text = `${HEADER.replaceAll(';', ',')}\nPRIMEA000001,Alder Prime Works,332710,SUBB00000001,Birch Fabrication,100,2024\n`;
    const files = await readOnEngine(
      [
        { name: 'orgs.csv', data: ORGS },
        { name: 'subawards.csv', data: text },
      ],
      {},
      () => Promise.reject(new Error('WebAssembly is off')),
    );
    const outcome = importFiles(files, { today: '2026-06-01' });
    expect(outcome.value?.bundle.organizations.map((o) => o.name)).toEqual(['Other Firm']);
    const issue = outcome.issues.find((i) => i.file === 'subawards.csv');
    expect(issue?.reason).toBe('file-not-read');
    expect(issue?.message).toBe(
      'The records engine could not read this file: the engine did not start (WebAssembly is off).',
    );
  });
});
