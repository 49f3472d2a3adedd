// What the loaded dataset holds: organizations by kind, links, the home region and the data's provenance.
// It fills the main area until the map and network views take it over.
import type { Bundle, OrgKind } from '../domain/model.ts';
import { ORG_KINDS } from '../domain/model.ts';
import type { Issue } from '../domain/issues.ts';

const KIND_LABELS: Record<OrgKind, string> = {
  prime: 'Primes and OEM buyers',
  manufacturer: 'Manufacturers (suppliers)',
  training: 'Training providers',
  support: 'Support organizations',
};

const count = new Intl.NumberFormat('en-US');
const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

export function DatasetSummary({
  bundle,
  region,
  issues,
}: {
  bundle: Bundle;
  region: { name: string; program: string; counties: readonly string[] } | undefined;
  issues: Issue[];
}) {
  const byKind = new Map<OrgKind, number>(ORG_KINDS.map((kind) => [kind, 0]));
  for (const org of bundle.organizations) byKind.set(org.kind, (byKind.get(org.kind) ?? 0) + 1);
  const counties = new Set(region?.counties ?? []);
  const inRegion = bundle.organizations.filter(
    (org) => org.county !== undefined && counties.has(org.county),
  ).length;
  const totalValue = bundle.links.reduce((sum, link) => sum + (link.value ?? 0), 0);
  const { meta } = bundle;

  return (
    <section className="summary" aria-label="Dataset summary" data-testid="dataset-summary">
      <div className="summary-card">
        <h2>Organizations</h2>
        <table>
          <tbody>
            {ORG_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">
                  <span className={`kind-dot kind-${kind}`} aria-hidden="true" />
                  {KIND_LABELS[kind]}
                </th>
                <td data-testid={`count-${kind}`}>{count.format(byKind.get(kind) ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          {count.format(bundle.links.length)} links carrying {usd.format(totalValue)} a year.
        </p>
      </div>
      <div className="summary-card">
        <h2>Home region</h2>
        {region === undefined ? (
          <p>No home region is chosen. Pick one above.</p>
        ) : (
          <>
            <p className="region-name">{region.name}</p>
            <p>
              {region.program}
              {region.counties.length > 0
                ? ` · ${region.counties.length} counties · ${count.format(inRegion)} organizations with a county in the region`
                : ' · county list not known, so no organization can be placed in it'}
            </p>
          </>
        )}
      </div>
      <div className="summary-card">
        <h2>About this data</h2>
        <p>{meta.description === '' ? meta.title : meta.description}</p>
        <dl>
          <dt>Source</dt>
          <dd>{meta.source}</dd>
          <dt>As of</dt>
          <dd>{meta.asOf}</dd>
          <dt>License</dt>
          <dd>{meta.license}</dd>
        </dl>
        {meta.synthetic && (
          <p className="synthetic-note">
            Synthetic: the firms, names and supply relationships are fictional; counties, towns and programs
            are real.
          </p>
        )}
        {issues.length > 0 && (
          <p>
            {issues.length} {issues.length === 1 ? 'note' : 'notes'} from loading:{' '}
            {issues.filter((i) => i.severity === 'error').length} records rejected.
          </p>
        )}
      </div>
    </section>
  );
}
