// Build from public records: the user picks a region and drops USAspending downloads (contract prime
// transactions, optionally subawards; CSV or zip); the records worker builds the region's bundle on
// DuckDB-Wasm with a progress bar and Cancel; the dialog shows the region's DoD headline and hands the bundle
// over only when the user presses Import (it is then kept on this device like any import).
//
// Test ids: records-dialog, records-region (select), records-files (file input), records-file (each chosen
// file), records-build, records-progress, records-stop, records-error, records-headline, records-year (a
// row per fiscal year), records-confirm (Import), records-cancel.
import { useEffect, useRef, useState } from 'react';
import type { Bundle } from '../../domain/model.ts';
import { DOD_RULE, samSentence } from '../../io/records/pipeline.ts';
import type { Headline } from '../../io/records/pipeline.ts';
import { formatBytes } from '../../io/import/limits.ts';
import { plural } from '../../io/import/report-text.ts';
import type { CanonicalBundle } from '../../workers/import-protocol.ts';
import type { RecordsRegion } from '../../workers/records/records-api.ts';
import type { RecordsClient } from '../../workers/records/records-client.ts';
import { RecordsCancelled } from '../../workers/records/records-client.ts';
import { ModalDialog } from './ModalDialog.tsx';
import { formatCount, formatPercent, formatUsd } from '../derive/format.ts';
import './import.css';

export interface RecordsDialogProps {
  /** Regions the user can build, each with its counties. */
  regions: readonly RecordsRegion[];
  initialRegion?: string | undefined;
  client: RecordsClient;
  onImport(bundle: Bundle, canonical: CanonicalBundle): void;
  onClose(): void;
}

type Phase =
  | { step: 'idle' }
  | { step: 'running'; fraction: number; doing: string }
  | { step: 'failed'; errors: string[] }
  | { step: 'done'; bundle: Bundle; headline: Headline; canonical: CanonicalBundle };

const usd = (value: number) => formatUsd(value, 2);

export function RecordsDialog({ regions, initialRegion, client, onImport, onClose }: RecordsDialogProps) {
  const running = useRef<AbortController | null>(null);
  const [regionId, setRegionId] = useState(
    () => regions.find((r) => r.id === initialRegion)?.id ?? regions[0]?.id ?? '',
  );
  const [files, setFiles] = useState<File[]>([]);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  /** Each file's status during and after a build, by its label (a zip's entries get labels of their own). */
  const [statuses, setStatuses] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => () => running.current?.abort(), []);

  const build = () => {
    const region = regions.find((r) => r.id === regionId);
    if (region === undefined || files.length === 0) return;
    const controller = new AbortController();
    running.current = controller;
    setPhase({ step: 'running', fraction: 0, doing: 'Reading the files' });
    setStatuses(new Map());
    client
      .build(
        { region, files },
        {
          signal: controller.signal,
          onProgress: (fraction, doing) => setPhase({ step: 'running', fraction, doing }),
          onFile: (label, status) => setStatuses((old) => new Map(old).set(label, status)),
        },
      )
      .then((outcome) => {
        if (controller.signal.aborted) return;
        setPhase(
          outcome.ok
            ? {
                step: 'done',
                bundle: outcome.bundle,
                headline: outcome.headline,
                canonical: outcome.canonical,
              }
            : { step: 'failed', errors: outcome.errors },
        );
      })
      .catch((error: unknown) => {
        if (error instanceof RecordsCancelled) return;
        setPhase({
          step: 'failed',
          errors: [`The build failed: ${error instanceof Error ? error.message : String(error)}`],
        });
      });
  };
  const stop = () => {
    running.current?.abort();
    setPhase({ step: 'idle' });
  };
  const close = () => {
    running.current?.abort();
    onClose();
  };
  const busy = phase.step === 'running';

  return (
    <ModalDialog
      title="Build a region from public records"
      testId="records-dialog"
      onEscape={close}
      // Build is disabled while the build runs, which drops the focus: it comes back to the dialog.
      refocusKey={phase.step}
    >
      <p className="records-help">
        Drop the downloads of USAspending.gov's award data: contract <strong>Prime Transactions</strong> (one
        or several fiscal years) and, if you have them, contract <strong>Subawards</strong>, as CSV files or
        the zip the site delivers; optionally a Census <strong>County Business Patterns</strong> county file
        (cbpYYco.txt) to rank the region's industries, and the SAM.gov public <strong>entity extract</strong>{' '}
        (SAM_PUBLIC_MONTHLY_V2, .dat or its zip) to give subawardees their NAICS codes and place. The files
        stay on this device; the work runs off the page, on an embedded analytical engine.
      </p>
      <label className="control control-stacked">
        <span>Region</span>
        <select
          value={regionId}
          data-testid="records-region"
          disabled={busy}
          onChange={(event) => setRegionId(event.target.value)}
        >
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.program}, {r.counties.length} counties)
            </option>
          ))}
        </select>
      </label>
      <label className="control control-stacked">
        <span>Downloads (.csv, .txt, .dat or .zip)</span>
        <input
          type="file"
          multiple
          accept=".csv,.txt,.dat,.zip,text/csv,text/plain,application/zip"
          data-testid="records-files"
          disabled={busy}
          onChange={(event) => {
            setFiles([...(event.target.files ?? [])]);
            setPhase({ step: 'idle' });
          }}
        />
      </label>
      {files.length > 0 && (
        <ul className="records-files" aria-live="polite">
          {[...new Set([...files.map((f) => f.name), ...statuses.keys()])].map((label) => {
            const file = files.find((f) => f.name === label);
            const status = statuses.get(label);
            return (
              <li key={label} data-testid="records-file">
                {label}
                {/* The status names the size once a file is recognised. */}
                {status !== undefined
                  ? `: ${status}`
                  : file === undefined
                    ? ''
                    : ` (${formatBytes(file.size)})`}
              </li>
            );
          })}
        </ul>
      )}
      <div className="import-status" aria-live="polite">
        {phase.step === 'running' && (
          <>
            <label htmlFor="records-progress">
              {phase.doing}… {Math.round(phase.fraction * 100)} %
            </label>
            <progress id="records-progress" data-testid="records-progress" max={1} value={phase.fraction} />
            <button type="button" data-testid="records-stop" onClick={stop}>
              Cancel
            </button>
          </>
        )}
      </div>
      {phase.step === 'failed' && (
        <ul className="import-error" role="alert">
          {phase.errors.map((message) => (
            <li key={message} data-testid="records-error">
              {message}
            </li>
          ))}
        </ul>
      )}
      {phase.step === 'done' && <HeadlineView headline={phase.headline} bundle={phase.bundle} />}
      <div className="import-actions">
        <button
          type="button"
          data-testid="records-build"
          disabled={busy || files.length === 0}
          onClick={build}
        >
          Build
        </button>
        <span className="import-spacer" />
        <button type="button" data-testid="records-cancel" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="import-primary"
          data-testid="records-confirm"
          disabled={phase.step !== 'done'}
          onClick={() => {
            if (phase.step === 'done') onImport(phase.bundle, phase.canonical);
          }}
        >
          Import
        </button>
      </div>
    </ModalDialog>
  );
}

/** The region's DoD headline, the way the Chicago study reads it. */
export function HeadlineView({ headline, bundle }: { headline: Headline; bundle: Bundle }) {
  const r = headline.records;
  return (
    <section className="records-headline" data-testid="records-headline" aria-label="What the records say">
      <p>
        <strong>{formatCount(headline.firms)}</strong> DoD-performing firms in {headline.region}; the bundle
        holds {plural(bundle.organizations.length, 'organization')} and{' '}
        {plural(bundle.links.length, 'subaward link')}, one per pair and fiscal year
        {bundle.meta.synthetic ? ' (synthetic: generated records)' : ''}.
      </p>
      <table className="records-years">
        <caption>DoD obligations by fiscal year</caption>
        <thead>
          <tr>
            <th scope="col">Fiscal year</th>
            <th scope="col" className="num">
              In the region
            </th>
            <th scope="col" className="num">
              Firms
            </th>
            <th scope="col" className="num">
              Share of the state
            </th>
          </tr>
        </thead>
        <tbody>
          {headline.years.map((y) => (
            <tr key={y.fiscalYear} data-testid="records-year">
              <th scope="row">FY{y.fiscalYear}</th>
              <td className="num">{usd(y.region)}</td>
              <td className="num">{formatCount(y.firms)}</td>
              <td className="num">
                {y.share === null ? '—' : `${formatPercent(y.share)} of ${usd(y.state)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {headline.strongest.length > 0 && (
        <p data-testid="records-strongest">
          Strongest manufacturing industries by location quotient of establishments:{' '}
          {headline.strongest
            .slice(0, 5)
            .map((x) => `${x.naics} (${x.lqEstablishments.toFixed(2)})`)
            .join(', ')}
          .
        </p>
      )}
      <p className="records-rule">
        {DOD_RULE} In the region: {formatCount(r.placedByPerformance)} by place of performance,{' '}
        {formatCount(r.placedByRecipient)} by recipient address, of {formatCount(r.dod)} DoD transactions read
        ({formatCount(r.unplaced)} without a county).
      </p>
      {samSentence(r) !== null && <p data-testid="records-sam">{samSentence(r)}</p>}
    </section>
  );
}
