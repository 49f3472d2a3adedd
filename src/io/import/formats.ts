// What kind of file an import is, read from its content first (a ".csv" may hold anything) and from its
// name only to break ties: Forgemap bundle, CSV of organizations or links, USAspending Subawards CSV,
// GEXF, GraphML, GeoJSON.
import { headerKey, looksLikeLinks } from './column-mapping.ts';
import { firstLine, guessDelimiter } from './csv-table.ts';
import Papa from 'papaparse';
import { recordKindOf } from '../records/columns.ts';

export const IMPORT_FORMATS = [
  'bundle',
  'json-tables',
  'organizations',
  'links',
  'subawards',
  'gexf',
  'graphml',
  'geojson',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABELS: Readonly<Record<ImportFormat, string>> = {
  bundle: 'Forgemap bundle (JSON)',
  'json-tables': 'JSON tables (organizations, links)',
  organizations: 'CSV of organizations',
  links: 'CSV of links',
  subawards: 'USAspending contract Subawards (CSV)',
  gexf: 'GEXF network',
  graphml: 'GraphML network',
  geojson: 'GeoJSON points',
};

export function isImportFormat(value: unknown): value is ImportFormat {
  return typeof value === 'string' && (IMPORT_FORMATS as readonly string[]).includes(value);
}

export type Detection =
  { format: ImportFormat; json?: unknown } | { format: null; problem: string; json?: unknown };

// Two of these columns, which only USAspending's sub-award downloads carry, identify the file.
const SUBAWARD_MARKERS = new Set([
  'primeawarduniquekey',
  'primeawardpiid',
  'primeawardeename',
  'primeawardeeuei',
  'subawardeename',
  'subawardeeuei',
  'subawardamount',
  'subawardnumber',
]);

/** `text` is the decoded file; `json` is returned when the file was parsed as JSON on the way. */
export function detectFormat(text: string, fileName = ''): Detection {
  const start = text.trimStart();
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (start === '') return { format: null, problem: 'The file is empty.' };
  if (start.startsWith('{') || start.startsWith('[')) return detectJson(start, extension);
  if (start.startsWith('<')) {
    // The root element is near the top, after an XML declaration and comments.
    const head = start.slice(0, 4096).toLowerCase();
    if (/<gexf[\s>]/.test(head)) return { format: 'gexf' };
    if (/<graphml[\s>]/.test(head)) return { format: 'graphml' };
    if (extension === 'gexf') return { format: 'gexf' };
    if (extension === 'graphml') return { format: 'graphml' };
    return {
      format: null,
      problem: 'The file is XML but neither GEXF (<gexf>) nor GraphML (<graphml>).',
    };
  }
  if (/^BOF\b/.test(start))
    return {
      format: null,
      problem: `This looks like a SAM.gov entity extract (a "BOF" line, then one entity a line), not a table of organizations or links. ${BUILD_FROM_RECORDS}`,
    };
  const line = firstLine(text);
  const headers = (Papa.parse<string[]>(line, { delimiter: guessDelimiter(line) }).data[0] ?? []).map((h) =>
    h.trim(),
  );
  if (headers.length < 2 && !/\.(csv|tsv|txt)$/i.test(fileName)) {
    return {
      format: null,
      problem:
        'The file is not a Forgemap bundle, GeoJSON, GEXF or GraphML, and its first line is not a CSV header with several columns.',
    };
  }
  const markers = headers.filter((h) => SUBAWARD_MARKERS.has(headerKey(h))).length;
  if (markers >= 2) return { format: 'subawards' };
  const record = publicRecordProblem(headers);
  if (record !== null) return { format: null, problem: record };
  return { format: looksLikeLinks(headers) ? 'links' : 'organizations' };
}

function detectJson(text: string, extension: string): Detection {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // A broken JSON file still goes to the importer its name suggests, which reports the syntax error.
    return {
      format: null,
      problem: `The file looks like JSON but is not valid JSON (${detail}).`,
    };
  }
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const format: unknown = Reflect.get(json, 'format');
    const type: unknown = Reflect.get(json, 'type');
    const has = (key: string) => Object.prototype.hasOwnProperty.call(json, key);
    // Anything that names a format is meant as a bundle: the bundle loader says what is wrong with it.
    if (format === 'forgemap.bundle' || (has('format') && has('organizations')))
      return { format: 'bundle', json };
    if (type === 'FeatureCollection' || type === 'Feature') return { format: 'geojson', json };
    if (extension === 'geojson') return { format: 'geojson', json };
    // Lists of records that are not a bundle import like CSV tables of organizations and links.
    if (Array.isArray(Reflect.get(json, 'organizations')) || Array.isArray(Reflect.get(json, 'links')))
      return { format: 'json-tables', json };
    if (has('organizations')) return { format: 'bundle', json };
  }
  return {
    format: null,
    json,
    problem:
      'The file is JSON but neither a Forgemap bundle ("format": "forgemap.bundle"), lists of "organizations" and "links", nor GeoJSON ("type": "FeatureCollection").',
  };
}

const BUILD_FROM_RECORDS =
  'Build a region from it with "Public records…" in the header (or npm run forgemap -- build-region), which reads USAspending contract downloads, County Business Patterns files and the SAM.gov entity extract.';

/**
 * Public records that are not tables of organizations or links: a USAspending prime transactions download or
 * a County Business Patterns file builds a region (Public records…, or build-region); another USAspending
 * download (assistance, award summaries) is named as such. Null for any other header.
 */
function publicRecordProblem(headers: readonly string[]): string | null {
  const verdict = recordKindOf(headers);
  const build = BUILD_FROM_RECORDS;
  if (verdict.kind === 'prime-transactions')
    return `This is a USAspending contract prime transactions download, not a table of organizations or links. ${build}`;
  if (verdict.kind === 'cbp')
    return `This is a Census County Business Patterns file (establishments by county and industry), not a table of organizations or links. ${build}`;
  if (
    verdict.kind === null &&
    /^this is a (financial assistance|prime award summaries) download/.test(verdict.problem)
  )
    return `The file is a USAspending download of another kind: ${verdict.problem}.`;
  return null;
}
