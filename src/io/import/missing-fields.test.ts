import { describe, expect, it } from 'vitest';
import { chicagoGeocoder } from '../../geo/test-geocoder.ts';
import { emptyMapping } from './column-mapping.ts';
import { importFiles } from './import-files.ts';
import type { ImportOutcome } from './import-files.ts';

/** A GEXF as Gephi writes a bare network: labels and positions, no attribute, weighted edges. */
function bareGexf(nodes: number, options: { labels?: boolean; site?: boolean } = {}): string {
  const labels = options.labels ?? true;
  const attributes = options.site
    ? '<attributes class="node"><attribute id="0" title="site" type="string"/></attributes>'
    : '';
  const nodeText = Array.from({ length: nodes }, (_, i) => {
    const label = labels ? ` label="Firm ${String.fromCharCode(65 + i)}"` : '';
    const site = options.site ? `<attvalues><attvalue for="0" value="60601"/></attvalues>` : '';
    return `<node id="n${i}"${label}>${site}<viz:position x="${i}" y="${-i}"/></node>`;
  }).join('');
  const edges = Array.from(
    { length: nodes - 1 },
    (_, i) => `<edge id="e${i}" source="n${i + 1}" target="n0" weight="2"/>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">' +
    `<graph defaultedgetype="directed">${attributes}<nodes>${nodeText}</nodes><edges>${edges}</edges></graph></gexf>`
  );
}

const missing = (outcome: ImportOutcome) =>
  outcome.issues.filter((i) => i.reason === 'field-missing').map((i) => [i.column, i.severity]);

describe('fields a file does not have', () => {
  it('says what a bare network file lacks and what was assumed in its place', () => {
    const outcome = importFiles([{ name: 'lesmis.gexf', data: bareGexf(5) }]);
    expect(outcome.value?.bundle.organizations).toHaveLength(5);
    expect(outcome.value?.positions).toHaveLength(5);
    expect(missing(outcome)).toEqual([
      ['kind', 'info'],
      ['location', 'warning'],
      ['value', 'info'],
      ['capability', 'info'],
      ['kind', 'info'],
    ]);
    const text = (column: string) =>
      outcome.issues.find((i) => i.reason === 'field-missing' && i.column === column)?.message;
    expect(text('kind')).toContain('all 5 organizations were imported as manufacturers');
    expect(text('location')).toContain('the 5 organizations are not on the map');
    expect(text('location')).toContain('choose a ZIP, county or latitude and longitude node attribute');
    expect(text('value')).toContain('the 4 links carry no dollars');
    // Said once per file, and open in the report: the group is listed with the notes.
    expect(outcome.report.groups.find((g) => g.reason === 'field-missing')?.count).toBe(5);
  });

  it('names nodes by their ids when there is no label, and says so', () => {
    const outcome = importFiles([{ name: 'ids.gexf', data: bareGexf(2, { labels: false }) }]);
    expect(outcome.value?.bundle.organizations.map((o) => o.name)).toEqual(['n0', 'n1']);
    expect(missing(outcome)[0]).toEqual(['name', 'info']);
    expect(outcome.issues[0]?.message).toMatch(/^No node attribute holds the names/);
  });

  it('offers the nodes\u2019 attributes for a mapping, and a ZIP chosen there places the firms', () => {
    const data = bareGexf(3, { site: true });
    const auto = importFiles([{ name: 'sites.gexf', data }], { zipGeocoder: chicagoGeocoder('606') });
    expect(auto.files[0]?.headers).toEqual(expect.arrayContaining(['label', 'site']));
    expect(auto.files[0]?.mapping).toMatchObject({ target: 'organizations', columns: { name: 'label' } });
    expect(missing(auto).map(([column]) => column)).toContain('location');
    expect(auto.value?.bundle.organizations.every((o) => o.lat === undefined)).toBe(true);

    const mapping = auto.files[0]?.mapping ?? emptyMapping('organizations');
    const chosen = { ...mapping, columns: { ...mapping.columns, zip: 'site' } } as typeof mapping;
    const mapped = importFiles([{ name: 'sites.gexf', data }], {
      zipGeocoder: chicagoGeocoder('606'),
      mappings: [chosen],
    });
    expect(missing(mapped).map(([column]) => column)).not.toContain('location');
    expect(mapped.value?.bundle.organizations.map((o) => o.zip)).toEqual(['60601', '60601', '60601']);
    expect(mapped.value?.bundle.organizations.every((o) => o.lat !== undefined)).toBe(true);
    // The layout positions stay the file's own.
    expect(mapped.value?.positions.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [1, -1],
      [2, -2],
    ]);
  });

  it('says nothing of a field a column holds, and counts only the organizations read', () => {
    const data = ['name,kind,zip', 'A,prime,60601', ',manufacturer,60601', 'B,support,60601'].join('\n');
    const outcome = importFiles([{ name: 'f.csv', data }], { zipGeocoder: chicagoGeocoder('606') });
    expect(missing(outcome)).toEqual([]);
    const bare = importFiles([{ name: 'f.csv', data: 'name\nA\n\nB\nC' }]);
    expect(missing(bare)).toEqual([
      ['kind', 'info'],
      ['location', 'warning'],
    ]);
    expect(bare.issues.find((i) => i.column === 'kind')?.message).toContain(
      'all 3 organizations were imported as manufacturers',
    );
    expect(bare.issues.find((i) => i.column === 'location')?.message).toContain(
      'choose a ZIP, county or latitude and longitude column in the mapping above',
    );
  });

  it('takes latitude alone as no location', () => {
    const outcome = importFiles([{ name: 'f.csv', data: 'name,kind,lat\nA,prime,41.9' }]);
    expect(missing(outcome)).toEqual([['location', 'warning']]);
  });
});
