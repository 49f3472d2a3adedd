// What the loaded dataset holds: organizations by kind, links, the home region and the data's provenance.
// It fills the main area until the map and network views take it over.
import type { Bundle } from '../domain/model.ts';
import { ORG_KINDS, countKinds } from '../domain/model.ts';
import type { Issue } from '../domain/issues.ts';
import { formatCount, formatUsd } from '../views/derive/format.ts';
import { KIND_PLURALS } from '../views/labels.ts';

export function DatasetSummary({
  bundle,
  region,
  issues,
}: {
  bundle: Bundle;
  region: { name: string; program: string; counties: readonly string[] } | undefined;
  issues: Issue[];
}) {
  const byKind = countKinds(bundle.organizations);
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
                  {KIND_PLURALS[kind]}
                </th>
                <td data-testid={`count-${kind}`}>{formatCount(byKind[kind] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          {formatCount(bundle.links.length)} links carrying {formatUsd(totalValue)} a year.
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
                ? ` · ${region.counties.length} counties · ${formatCount(inRegion)} organizations with a county in the region`
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
