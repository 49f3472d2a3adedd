// The node and edge attributes of the network exports (GEXF, GraphML): one list, so both formats carry the
// same columns with the same types. Lists are joined with ";" because neither format has a portable list type.
import type { OrgId } from '../../domain/ids.ts';
import type { Bundle, Link, Organization } from '../../domain/model.ts';

export type AttributeType = 'string' | 'double' | 'integer';

export interface AttributeSpec<T> {
  name: string;
  type: AttributeType;
  /** The value, or undefined when the record has none (the attribute is then left out, not written empty). */
  get: (record: T) => string | number | undefined;
}

const joined = (list: readonly string[]) => (list.length === 0 ? undefined : list.join(';'));

/** Node attributes besides the label (the organization's name). */
export const NODE_ATTRIBUTES: readonly AttributeSpec<Organization>[] = [
  { name: 'kind', type: 'string', get: (o) => o.kind },
  { name: 'lat', type: 'double', get: (o) => o.lat },
  { name: 'lon', type: 'double', get: (o) => o.lon },
  { name: 'address', type: 'string', get: (o) => o.address },
  { name: 'city', type: 'string', get: (o) => o.city },
  { name: 'state', type: 'string', get: (o) => o.state },
  { name: 'zip', type: 'string', get: (o) => o.zip },
  { name: 'county', type: 'string', get: (o) => o.county },
  { name: 'naics', type: 'string', get: (o) => joined(o.naics) },
  { name: 'capabilities', type: 'string', get: (o) => joined(o.capabilities) },
  { name: 'certifications', type: 'string', get: (o) => joined(o.certifications) },
  { name: 'trains', type: 'string', get: (o) => joined(o.trains) },
  { name: 'employees', type: 'integer', get: (o) => o.employees },
  { name: 'uei', type: 'string', get: (o) => o.uei },
  { name: 'cage', type: 'string', get: (o) => o.cage },
  { name: 'website', type: 'string', get: (o) => o.website },
];

export const EDGE_ATTRIBUTES: readonly AttributeSpec<Link>[] = [
  { name: 'kind', type: 'string', get: (l) => l.kind },
  { name: 'capability', type: 'string', get: (l) => l.capability },
  { name: 'value', type: 'double', get: (l) => l.value },
  { name: 'year', type: 'integer', get: (l) => l.year },
];

/** name → value for the attributes the record has; empty texts and non-finite numbers count as absent. */
export function attributeValues<T>(
  specs: readonly AttributeSpec<T>[],
  record: T,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const spec of specs) {
    const value = spec.get(record);
    if (value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value)))
      continue;
    out[spec.name] = value;
  }
  return out;
}

/**
 * The nodes and edges of a network file: each organization once under its node id (a valid bundle has unique
 * ids; a repeated node would make the file unreadable for most tools, so a repeat is skipped), then each link
 * whose two ends were written, with its index. loadBundle rejects links to unknown organizations; skipping them
 * here only guards hand-built bundles.
 */
export function eachNodeAndEdge(
  bundle: Bundle,
  nodeId: (id: string) => string,
  write: {
    node: (org: Organization, id: string) => void;
    /** A county of a public copy: its label, its attributes (kind "county", county, lat, lon). */
    county: (id: string, label: string, values: Record<string, string | number>) => void;
    /** Called once, between the last node and the first edge. */
    afterNodes?: () => void;
    edge: (link: Link, index: number, source: string, target: string) => void;
  },
): void {
  const written = new Set<string>();
  for (const org of bundle.organizations) {
    const id = nodeId(org.id);
    if (written.has(id)) continue;
    written.add(id);
    write.node(org, id);
  }
  // A public copy's links are its county-to-county flows: its counties are nodes too, the flows their edges.
  const aggregates = bundle.meta.sharing?.public;
  const countyId = (county: string) => nodeId(`county-${county}`);
  for (const place of aggregates?.places ?? []) {
    const id = countyId(place.county);
    if (written.has(id)) continue;
    written.add(id);
    write.county(id, place.name, {
      kind: 'county',
      county: place.county,
      ...(place.lat === undefined || place.lon === undefined ? {} : { lat: place.lat, lon: place.lon }),
    });
  }
  write.afterNodes?.();
  bundle.links.forEach((link, i) => {
    const source = nodeId(link.source);
    const target = nodeId(link.target);
    if (written.has(source) && written.has(target)) write.edge(link, i, source, target);
  });
  (aggregates?.flows ?? []).forEach((flow, k) => {
    const link: Link = {
      source: `county-${flow.from}` as OrgId,
      target: `county-${flow.to}` as OrgId,
      kind: flow.kind,
      value: flow.value,
    };
    write.edge(link, bundle.links.length + k, countyId(flow.from), countyId(flow.to));
  });
}
