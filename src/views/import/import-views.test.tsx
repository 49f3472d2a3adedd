import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../io/import/import-files.ts';
import type { ImportClient } from '../../workers/import-client.ts';
import { ImportDialog, mayBeTable } from './ImportDialog.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import { MappingEditor } from './MappingEditor.tsx';
import { readFileBytes } from './read-file.ts';

const XSS = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

const outcome = importFiles(
  [{ name: 'firms.csv', data: `name,lat,lon\n${XSS},291.3,-87.6\n,1,1\nAcme,41.9,-87.6\n` }],
  { today: '2026-06-01' },
);

describe('ImportReportView', () => {
  const html = renderToStaticMarkup(<ImportReportView report={outcome.report} />);

  it('shows the counts and each group with row numbers and values', () => {
    expect(html).toContain('data-testid="import-counts"');
    expect(html).toContain(
      '2 organizations and 0 links ready to import. 3 rows: 1 accepted, 1 fixed, 1 rejected.',
    );
    expect(html).toContain('data-testid="import-group-name-missing"');
    expect(html).toContain(
      'Row 3: the name is empty; an organization needs a name, so this row was not imported.',
    );
    expect(html).toContain('Row 2: latitude 291.3 is outside -90…90; the coordinates were left out.');
  });

  it('renders names from the file as text, never as HTML', () => {
    const withName = importFiles([{ name: 'x.csv', data: `name,zip\n${XSS},ABCDE\n` }]);
    const markup = renderToStaticMarkup(<ImportReportView report={withName.report} />);
    expect(markup).not.toContain('<img');
    expect(markup).toContain('ZIP &quot;ABCDE&quot; is not a 5-digit ZIP');
  });
});

describe('MappingEditor', () => {
  it('offers every header for every field, with labels tied to the selects', () => {
    const file = outcome.files[0]!;
    const html = renderToStaticMarkup(
      <MappingEditor
        file={{ ...file, headers: [...(file.headers ?? []), XSS] }}
        index={0}
        mapping={file.mapping!}
        canSwitchTarget
        onChange={() => {}}
      />,
    );
    expect(html).toContain('data-testid="import-mapping-target-0"');
    expect(html).toMatch(
      /<label for="([^"]+)-name">Name<\/label><select id="\1-name" data-testid="import-mapping-0-name">/,
    );
    expect(html).toMatch(/<option value="name" selected="">name<\/option>/);
    expect(html).toContain(`<option value="${ESCAPED}">${ESCAPED}</option>`);
    expect(html).not.toContain('<img');
  });
});

describe('ImportDialog', () => {
  it('opens as a labelled modal dialog that is reading the files, with Import disabled', () => {
    const client: ImportClient = {
      run: () => new Promise(() => {}),
      warm: () => {},
      holdKeptForm: () => {},
      dispose: () => {},
    };
    const html = renderToStaticMarkup(
      <ImportDialog
        files={[new File(['name\nA\n'], `${XSS}.csv`)]}
        client={client}
        onImport={() => {}}
        onCancel={() => {}}
      />,
    );
    // Labelled by its title: aria-labelledby names the heading's id.
    const labelledBy =
      /role="dialog" aria-modal="true" aria-labelledby="([^"]+)" data-testid="import-dialog"/.exec(html);
    expect(labelledBy).not.toBeNull();
    expect(html).toMatch(new RegExp(`<h2 id="${labelledBy![1]!}" class="import-title">Import `));
    expect(html).toContain(`Import ${ESCAPED}.csv`);
    expect(html).toContain('Reading the files…');
    expect(html).toMatch(
      /<button type="button" class="import-primary" data-testid="import-confirm" disabled="">Import<\/button>/,
    );
  });
});

describe('readFileBytes', () => {
  it('reads a file and refuses one over the limit without reading it', async () => {
    expect(await readFileBytes(new File(['abc'], 'a.csv'))).toEqual({
      ok: true,
      bytes: new Uint8Array([97, 98, 99]),
    });
    const huge = {
      name: 'huge.csv',
      size: 300 * 1024 * 1024,
      arrayBuffer: () => Promise.reject(new Error('read')),
    };
    expect(await readFileBytes(huge)).toEqual({
      ok: false,
      message:
        '"huge.csv" is 300 MB; Forgemap imports files up to 200 MB. Split it or remove columns you do not need.',
    });
  });
});

describe('mayBeTable', () => {
  it.each([
    ['links.csv', true],
    ['firms.TSV', true],
    ['export', true],
    ['bundle.json', false],
    ['points.GeoJSON', false],
    ['graph.gexf', false],
    ['graph.graphml', false],
    ['graph.xml', false],
  ])('%s → %s', (name, expected) => {
    expect(mayBeTable(name)).toBe(expected);
  });
});
