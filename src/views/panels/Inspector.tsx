// The inspector: the profile of the selected organization (identity, location, NAICS and capabilities,
// certifications, tier, critical-supplier status, gap flags) and its suppliers and customers as sortable
// tables whose names select that organization. Escape or the close button closes it.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DatasetView } from '../contracts.ts';
import { formatCount, formatPercent, formatUsd, formatUsdFull } from '../derive/format.ts';
import type { Chokepoint } from '../../analysis/chokepoints.ts';
import { organizationProfile, sortRelations } from '../derive/profile.ts';
import type {
  GapInvolvement,
  GapRole,
  OrganizationProfile,
  Relation,
  RelationSortKey,
  SortDirection,
} from '../derive/profile.ts';
import { Disclosure } from '../../ui/Disclosure.tsx';
import { GapFlags } from './GapFlags.tsx';
import { KIND_LABELS } from '../labels.ts';
import './panels.css';

/** Table rows shown before "Show all". */
const ROWS_SHOWN = 25;

export interface InspectorProps {
  data: DatasetView;
  orgId: string;
  onSelect: (orgId: string | undefined) => void;
  onSelectGap: (capabilityId: string) => void;
  onClose: () => void;
  /** What-if: whether the organization is taken out, and how to toggle it; absent hides the button. */
  removed?: boolean | undefined;
  onToggleRemoved?: (() => void) | undefined;
  /** The organization's chokepoints (null while the worker finds them; absent: not said). */
  risk?: readonly Chokepoint[] | null | undefined;
}

/** The two lists of an organization's supply links: who it buys from, who it sells to. */
const RELATION_SECTIONS = [
  {
    key: 'suppliers',
    who: 'Supplier',
    plural: 'Suppliers',
    empty: 'No supply links into this organization.',
  },
  {
    key: 'customers',
    who: 'Customer',
    plural: 'Customers',
    empty: 'No supply links out of this organization.',
  },
] as const;

export function Inspector({
  data,
  orgId,
  onSelect,
  onSelectGap,
  onClose,
  removed,
  onToggleRemoved,
  risk,
}: InspectorProps) {
  const profile = useMemo(() => organizationProfile(data, orgId), [data, orgId]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // A newly selected organization takes focus, so keyboard users land on what they just chose.
    headingRef.current?.focus({ preventScroll: true });
  }, [orgId]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTextEntry(event.target)) return;
      onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <section className="panel inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <div className="inspector-head">
        <h2 id="inspector-title" ref={headingRef} tabIndex={-1} className="inspector-title">
          {profile?.name ?? 'Organization not found'}
        </h2>
        <button
          type="button"
          className="close-button"
          aria-label="Close details"
          title="Close (Escape)"
          onClick={onClose}
          data-testid="inspector-close"
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {profile !== null && <RiskSentence data={data} orgId={orgId} name={profile.name} risk={risk} />}
      {profile !== null && onToggleRemoved !== undefined && (
        <div className="inspector-whatif">
          <button
            type="button"
            aria-pressed={removed === true}
            onClick={onToggleRemoved}
            data-testid="inspector-whatif"
          >
            {removed === true ? 'Put back (what-if)' : 'What if it closes? Remove'}
          </button>
          {removed === true && (
            <span className="inspector-whatif-note">Taken out of the analysis: see the Gaps view.</span>
          )}
        </div>
      )}
      {profile === null ? (
        <p className="placeholder">There is no organization with the id “{orgId}” in this dataset.</p>
      ) : (
        <ProfileBody profile={profile} onSelect={onSelect} onSelectGap={onSelectGap} />
      )}
    </section>
  );
}

/** Primes named in the sentence before "and N more". */
const PRIMES_SAID = 4;

/**
 * One sentence on what the organization's closure would cost the primes that depend on it alone ("If X
 * closes, Prime A loses heat treating and $4.2M/yr of its purchases; …"), or, for a prime, how much of its
 * own supply rests on single points of failure.
 */
function RiskSentence({
  data,
  orgId,
  name,
  risk,
}: {
  data: DatasetView;
  orgId: string;
  name: string;
  risk: readonly Chokepoint[] | null | undefined;
}) {
  const own = data.resilience?.primes.find((p) => p.prime === orgId);
  if (risk === undefined) return null;
  const nameOf = (id: string) => data.bundle.organizations[data.orgIndex.get(id) ?? -1]?.name ?? id;
  let text: string;
  if (own !== undefined) {
    const share = own.purchases > 0 ? own.onChokepoints / own.purchases : 0;
    text =
      own.chokepoints === 0
        ? `${name} depends on no single supplier: each of its suppliers has another route to it.`
        : `${formatPercent(share)} of ${name}'s purchases (${formatUsd(own.onChokepoints)}/yr) come from suppliers it depends on alone; ${formatCount(own.singleRoute.length)} ${own.singleRoute.length === 1 ? 'capability has' : 'capabilities have'} one route only${own.deepest === null ? '' : `; its deepest single dependency is ${nameOf(own.deepest.supplier)}${own.deepest.depth > 1 ? `, ${own.deepest.depth} levels down` : ''}`}.`;
  } else if (risk === null) {
    return (
      <p className="inspector-risk placeholder" role="status" data-testid="inspector-risk-pending">
        Checking which primes depend on it alone…
      </p>
    );
  } else if (risk.length === 0) {
    text = `No prime depends on ${name} alone: each has another route to what it supplies.`;
  } else {
    const clauses = risk.slice(0, PRIMES_SAID).map((c) => {
      const losses: string[] = [];
      if (c.capabilitiesLost.length > 0) losses.push(andList(c.capabilitiesLost.map(data.label)));
      if (c.exposure > 0) losses.push(`${formatUsd(c.exposure)}/yr of its purchases`);
      if (c.cutOff.length > 0)
        losses.push(
          `its only route to ${formatCount(c.cutOff.length)} ${c.cutOff.length === 1 ? 'supplier' : 'suppliers'}`,
        );
      return `${nameOf(c.prime)} loses ${andList(losses)}`;
    });
    const more = risk.length - PRIMES_SAID;
    text = `If ${name} closes, ${clauses.join('; ')}${more > 0 ? `; and ${formatCount(more)} more ${more === 1 ? 'prime' : 'primes'} lose suppliers` : ''}.`;
  }
  return (
    <p className="inspector-risk" data-testid="inspector-risk">
      {text}
    </p>
  );
}

/** "a", "a and b", "a, b and c". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

function ProfileBody({
  profile,
  onSelect,
  onSelectGap,
}: {
  profile: OrganizationProfile;
  onSelect: (orgId: string) => void;
  onSelectGap: (capabilityId: string) => void;
}) {
  const { location } = profile;
  const street = location.address;
  const cityLine = [location.city, [location.state, location.zip].filter(present).join(' ')]
    .filter((part) => present(part) && part !== '')
    .join(', ');
  return (
    <>
      <p className="inspector-badges" data-testid="inspector-badges">
        <span className="inspector-kind">
          <span className={`kind-dot kind-${profile.kind}`} aria-hidden="true" />
          {KIND_LABELS[profile.kind]}
        </span>
        {profile.critical && (
          <span
            className="badge badge-critical"
            title="An articulation point of the supply network: without it, part of the network is cut off"
          >
            Critical supplier
          </span>
        )}
        {profile.inRegion !== null && (
          <span className={profile.inRegion ? 'badge badge-in' : 'badge badge-out'}>
            {profile.inRegion ? 'In the home region' : 'Outside the home region'}
          </span>
        )}
      </p>

      <dl className="facts">
        <dt>Location</dt>
        <dd>
          {street !== null && <span className="line">{street}</span>}
          {cityLine !== '' && <span className="line">{cityLine}</span>}
          {location.county !== null && <span className="line">County FIPS {location.county}</span>}
          {street === null && cityLine === '' && location.county === null && (
            <span className="line muted">
              {location.lat !== null && location.lon !== null
                ? `${location.lat.toFixed(4)}, ${location.lon.toFixed(4)}`
                : 'Not given'}
            </span>
          )}
        </dd>
        <dt>Tier</dt>
        <dd data-testid="inspector-tier">{tierText(profile)}</dd>
        {profile.employees !== null && (
          <>
            <dt>Employees</dt>
            <dd>{formatCount(profile.employees)}</dd>
          </>
        )}
        {profile.uei !== null && (
          <>
            <dt>UEI</dt>
            <dd className="code">{profile.uei}</dd>
          </>
        )}
        {profile.cage !== null && (
          <>
            <dt>CAGE</dt>
            <dd className="code">{profile.cage}</dd>
          </>
        )}
        {profile.website !== null && (
          <>
            <dt>Website</dt>
            <dd>
              {profile.websiteUrl === null ? (
                profile.website
              ) : (
                <a href={profile.websiteUrl} target="_blank" rel="noopener noreferrer nofollow">
                  {profile.website}
                </a>
              )}
            </dd>
          </>
        )}
      </dl>

      {profile.naics.length > 0 && (
        <LabelledList title="NAICS" items={profile.naics} testId="inspector-naics" />
      )}
      {profile.capabilities.length > 0 && (
        <LabelledList title="Capabilities" items={profile.capabilities} testId="inspector-capabilities" />
      )}
      {profile.trains.length > 0 && (
        <LabelledList title="Trains for" items={profile.trains} testId="inspector-trains" />
      )}
      {profile.certifications.length > 0 && (
        <div className="inspector-section">
          <h3>Certifications</h3>
          <ul className="tag-list" data-testid="inspector-certifications">
            {profile.certifications.map((name) => (
              <li key={name} className="tag">
                {name}
              </li>
            ))}
          </ul>
        </div>
      )}
      {profile.needs.length > 0 && (
        <div className="inspector-section">
          <h3>Declared needs</h3>
          <ul className="plain-list">
            {profile.needs.map((need, i) => (
              <li key={`${need.capability}-${i}`}>
                {need.label} <span className="muted">{formatUsd(need.annualValue)}/yr</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <GapSection profile={profile} onSelectGap={onSelectGap} />

      {RELATION_SECTIONS.map(({ key, who, plural, empty }) => (
        <Disclosure
          key={key}
          title={`${plural} (${formatCount(profile[key].length)})`}
          className="inspector-section"
        >
          <RelationTable
            rows={profile[key]}
            who={who}
            caption={`${plural} of ${profile.name}`}
            empty={empty}
            onSelect={onSelect}
            testId={`inspector-${key}`}
          />
        </Disclosure>
      ))}
    </>
  );
}

function LabelledList({
  title,
  items,
  testId,
}: {
  title: string;
  items: readonly { id: string; label: string }[];
  testId: string;
}) {
  return (
    <div className="inspector-section">
      <h3>{title}</h3>
      <ul className="plain-list" data-testid={testId}>
        {items.map(({ id, label }) => (
          <li key={id}>
            {label !== id && <span className="code">{id}</span>} {label}
          </li>
        ))}
      </ul>
    </div>
  );
}

const ROLE_TEXT: Record<GapRole, string> = { offers: 'offers', buys: 'buys', trains: 'trains for' };

function GapSection({
  profile,
  onSelectGap,
}: {
  profile: OrganizationProfile;
  onSelectGap: (capabilityId: string) => void;
}) {
  return (
    <div className="inspector-section" data-testid="inspector-gaps">
      <h3>Gaps it is involved in</h3>
      {!profile.analysed ? (
        <p className="muted">Shown once the gap analysis of a home region has finished.</p>
      ) : profile.gaps.length === 0 ? (
        <p className="muted">None of the capabilities it offers, buys or trains for is flagged.</p>
      ) : (
        <ul className="gap-involvement">
          {profile.gaps.map((gap) => (
            <GapRow key={gap.capability} gap={gap} onSelectGap={onSelectGap} />
          ))}
        </ul>
      )}
    </div>
  );
}

function GapRow({ gap, onSelectGap }: { gap: GapInvolvement; onSelectGap: (capabilityId: string) => void }) {
  return (
    <li>
      <button
        type="button"
        className="link-button"
        title={`Show the ${gap.label} gap on the map`}
        onClick={() => onSelectGap(gap.capability)}
        data-capability={gap.capability}
      >
        {gap.label}
      </button>{' '}
      <GapFlags flags={gap.flags} />
      <span className="muted"> ({gap.roles.map((role) => ROLE_TEXT[role]).join(', ')})</span>
    </li>
  );
}

const SORT_LABELS: Record<RelationSortKey, string> = {
  name: 'name',
  capability: 'capability',
  value: 'value',
};

function RelationTable({
  rows,
  who,
  caption,
  empty,
  onSelect,
  testId,
}: {
  rows: readonly Relation[];
  who: string;
  caption: string;
  empty: string;
  onSelect: (orgId: string) => void;
  testId: string;
}) {
  const [sort, setSort] = useState<{ key: RelationSortKey; direction: SortDirection }>({
    key: 'value',
    direction: 'desc',
  });
  const [showAll, setShowAll] = useState(false);
  const sorted = useMemo(() => sortRelations([...rows], sort.key, sort.direction), [rows, sort]);
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  const shown = showAll ? sorted : sorted.slice(0, ROWS_SHOWN);

  const header = (key: RelationSortKey, text: string, numeric = false) => {
    const active = sort.key === key;
    const next: SortDirection = active
      ? sort.direction === 'desc'
        ? 'asc'
        : 'desc'
      : key === 'value'
        ? 'desc'
        : 'asc';
    return (
      <th
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ key, direction: next })}
          title={`Sort by ${SORT_LABELS[key]}`}
        >
          {text}
          <span aria-hidden="true" className="sort-marker">
            {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <>
      <div className="table-scroll">
        <table className="relation-table" data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {header('name', who)}
              {header('capability', 'Capability')}
              {header('value', 'USD/yr', true)}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => (
              <tr key={`${row.orgId}-${row.capability ?? ''}-${i}`}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onSelect(row.orgId)}
                    data-org-id={row.orgId}
                  >
                    {row.kind !== null && <span className={`kind-dot kind-${row.kind}`} aria-hidden="true" />}
                    {row.name}
                  </button>
                  {row.inRegion === false && <span className="relation-where">outside the region</span>}
                </th>
                <td>{row.capabilityLabel ?? <span className="muted">—</span>}</td>
                <td className="num" title={formatUsdFull(row.value)}>
                  {formatUsd(row.value)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sorted.length > shown.length && (
        <button type="button" className="link-button" onClick={() => setShowAll(true)}>
          Show all {formatCount(sorted.length)}
        </button>
      )}
    </>
  );
}

function tierText(profile: OrganizationProfile): string {
  if (!profile.analysed) return 'Not analysed yet';
  if (profile.tier === null) return 'Not linked to a prime';
  if (profile.tier === 0) return '0 (prime)';
  return `${profile.tier} (${profile.tier === 1 ? 'sells to a prime directly' : `${profile.tier} links from a prime`})`;
}

function present(value: string | null): value is string {
  return value !== null;
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}
