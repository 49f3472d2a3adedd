// The view's address in the URL hash, `#/<dataset>/<view>?<params>` (DESIGN.md §4). decodeRoute never
// throws: anything it cannot read falls back to its default and is listed in `notices`.
export const VIEWS = ['map', 'network', 'split', 'gaps'] as const;
export type ViewName = (typeof VIEWS)[number];

export type DatasetRef = { kind: 'sample'; id: string } | { kind: 'hash'; id: string };

export interface Route {
  dataset: DatasetRef;
  view: ViewName;
  /** Home region id; undefined means the dataset's own home region. */
  region?: string | undefined;
}

export const DEFAULT_SAMPLE = 'chicago';
export const DEFAULT_ROUTE: Route = { dataset: { kind: 'sample', id: DEFAULT_SAMPLE }, view: 'map' };

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const HASH_ID = /^[0-9a-f]{16}$/;

export function decodeRoute(hash: string): { route: Route; notices: string[] } {
  const notices: string[] = [];
  const body = hash.replace(/^#/, '').replace(/^\//, '');
  if (body === '') return { route: DEFAULT_ROUTE, notices };
  const queryAt = body.indexOf('?');
  const pathPart = queryAt === -1 ? body : body.slice(0, queryAt);
  const query = queryAt === -1 ? '' : body.slice(queryAt + 1);
  const [datasetPart = '', viewPart, ...extra] = pathPart.split('/');

  let dataset = DEFAULT_ROUTE.dataset;
  const datasetMatch = /^([sh]):(.*)$/.exec(safeDecode(datasetPart));
  if (datasetMatch?.[1] === 's' && ID.test(datasetMatch[2] ?? '')) {
    dataset = { kind: 'sample', id: datasetMatch[2] ?? DEFAULT_SAMPLE };
  } else if (datasetMatch?.[1] === 'h' && HASH_ID.test(datasetMatch[2] ?? '')) {
    dataset = { kind: 'hash', id: datasetMatch[2] ?? '' };
  } else if (datasetPart !== '') {
    notices.push(
      `The link's dataset "${shorten(datasetPart)}" is not understood; showing the Chicago sample.`,
    );
  }

  let view = DEFAULT_ROUTE.view;
  if (viewPart !== undefined && viewPart !== '') {
    if ((VIEWS as readonly string[]).includes(viewPart)) view = viewPart as ViewName;
    else
      notices.push(
        `The link's view "${shorten(viewPart)}" is not one of ${VIEWS.join(', ')}; showing the map.`,
      );
  }
  if (extra.length > 0) notices.push('Extra parts of the link after the view were ignored.');

  let region: string | undefined;
  const params = new URLSearchParams(query);
  for (const [key, value] of params) {
    if (key === 'region' && ID.test(value)) region = value;
    else if (key === 'region')
      notices.push(`The link's region "${shorten(value)}" is not a region id; it was ignored.`);
    else notices.push(`The link's parameter "${shorten(key)}" is not understood; it was ignored.`);
  }
  return { route: { dataset, view, region }, notices };
}

export function encodeRoute(route: Route): string {
  const dataset = `${route.dataset.kind === 'sample' ? 's' : 'h'}:${route.dataset.id}`;
  const params = new URLSearchParams();
  if (route.region !== undefined) params.set('region', route.region);
  const query = params.toString();
  return `#/${dataset}/${route.view}${query === '' ? '' : `?${query}`}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
