import { describe, expect, it } from 'vitest';
import { detectFormat } from './formats.ts';

describe('detectFormat', () => {
  it.each([
    ['{"format":"forgemap.bundle","version":1}', 'x.txt', 'bundle'],
    ['{"type":"FeatureCollection","features":[]}', 'points.json', 'geojson'],
    ['<?xml version="1.0"?>\n<gexf version="1.3"><graph/></gexf>', 'a.xml', 'gexf'],
    ['<?xml version="1.0"?><graphml><graph/></graphml>', 'a.txt', 'graphml'],
    ['name,city,zip\nAcme,Chicago,60601\n', 'firms.txt', 'organizations'],
    ['supplier;buyer;amount\nA;B;1\n', 'links.csv', 'links'],
    ['prime_award_unique_key,prime_awardee_name,subawardee_name\n', 'export.csv', 'subawards'],
    ['\n\n"Company Name"\t"Zip"\n', 'firms.tsv', 'organizations'],
    ['{"organizations":[{"name":"A"}],"links":[]}', 'x.json', 'json-tables'],
    ['{"format":"x","organizations":[]}', 'x.json', 'bundle'],
  ])('reads %j as %s', (text, name, format) => {
    expect(detectFormat(text, name).format).toBe(format);
  });
  it('says why a file is none of the formats', () => {
    const result = detectFormat('{"hello": 1}', 'a.json');
    expect(result.format).toBeNull();
    expect('problem' in result && result.problem).toContain('neither a Forgemap bundle');
    expect(detectFormat('', 'a.csv')).toEqual({ format: null, problem: 'The file is empty.' });
    expect(detectFormat('<html><body/></html>', 'a.html').format).toBeNull();
  });
  it.each([
    ['contract_transaction_unique_key,recipient_name\n', 'USAspending contract prime transactions download'],
    ['"fipstate","fipscty","naics","emp","est"\n', 'County Business Patterns file'],
    ['assistance_transaction_unique_key,recipient_name\n', 'financial assistance download'],
    ['contract_award_unique_key,recipient_name\n', 'prime award summaries download'],
    ['BOF PUBLIC V2 00000000 20261101 0000001 0000001\nAAAAAAAAAAA1|||1AAA1\n', 'SAM.gov entity extract'],
  ])('sends public records that are not tables to where they are read: %j', (text, words) => {
    const result = detectFormat(text, 'download.csv');
    expect(result.format).toBeNull();
    expect('problem' in result ? result.problem : '').toContain(words);
  });
});
