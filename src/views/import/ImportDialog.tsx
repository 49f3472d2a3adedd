// The import dialog: reads the dropped or picked files, runs the import off the main thread with a progress
// bar and Cancel, lets the user fix the column mapping of each file (a network file's node attributes
// too; each change re-runs the import), shows the report, and hands the bundle over only when the user presses Import.
//
// Test ids: import-dialog (the dialog), import-status (reading/progress text), import-progress (<progress>),
// import-stop (Cancel while running), import-error, import-mapping-<file> (fieldset per file),
// import-mapping-target-<file>, import-mapping-<file>-<field> (selects), import-report, import-counts,
// import-group-<reason>, import-download-report, import-confirm (Import), import-cancel (Cancel).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Bundle } from '../../domain/model.ts';
import type { ColumnMapping } from '../../io/import/column-mapping.ts';
import type { ImportReport } from '../../io/import/report.ts';
import { reportToCsv } from '../../io/import/report.ts';
import type { ImportClient } from '../../workers/import-client.ts';
import { ImportCancelled } from '../../workers/import-client.ts';
import type { CanonicalBundle, ImportRequestFile, ImportResult } from '../../workers/import-protocol.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { MappingEditor } from './MappingEditor.tsx';
import { readFileBytes } from './read-file.ts';
import type { ReadableFile } from './read-file.ts';
import { ModalDialog } from './ModalDialog.tsx';
import { markOnce } from '../../ui/perf-marks.ts';
import './import.css';

export interface ImportDialogProps {
  files: readonly ReadableFile[];
  client: ImportClient;
  /** The dataset on screen, onto which a links table alone is attached; it is not changed. */
  base?: Bundle | null | undefined;
  /** Called with the imported bundle when the user presses Import; `positions` are GEXF/GraphML layouts. */
  onImport(
    bundle: Bundle,
    report: ImportReport,
    positions: { id: string; x: number; y: number }[],
    /** The canonical text and hash, made in the worker after the report, for keeping the bundle. */
    canonical: Promise<CanonicalBundle | null>,
  ): void;
  onCancel(): void;
}

type Phase =
  | { step: 'reading' }
  | { step: 'running'; fraction: number }
  | { step: 'done'; outcome: ImportResult }
  | { step: 'stopped' }
  | { step: 'failed'; message: string };

/** Whether a file could be a CSV table (the only kind that attaches to the open dataset), by its name. */
export function mayBeTable(name: string): boolean {
  return !/\.(json|geojson|gexf|graphml|xml)$/i.test(name);
}

const readAll = (files: readonly ReadableFile[]) =>
  Promise.all(files.map(async (file) => ({ file, read: await readFileBytes(file) })));

const readable = (reads: Awaited<ReturnType<typeof readAll>>): ImportRequestFile[] =>
  reads.flatMap(({ file, read }) => (read.ok ? [{ name: file.name, bytes: read.bytes }] : []));

export function ImportDialog({ files, client, base, onImport, onCancel }: ImportDialogProps) {
  const [phase, setPhase] = useState<Phase>({ step: 'reading' });
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const [payload, setPayload] = useState<ImportRequestFile[] | null>(null);
  // The files behind the payload: a run moves the payload's bytes to the worker, so a run again (with an
  // edited mapping) reads them afresh.
  const sources = useRef<readonly ReadableFile[]>([]);
  const rereads = useRef(0);
  const [mappings, setMappings] = useState<(ColumnMapping | null)[]>([]);
  const [shown, setShown] = useState<ImportResult | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    let live = true;
    void readAll(files).then((results) => {
      if (!live) return;
      setUnreadable(results.flatMap(({ read }) => (read.ok ? [] : [read.message])));
      sources.current = results.flatMap(({ file, read }) => (read.ok ? [file] : []));
      setPayload(readable(results));
    });
    return () => {
      live = false;
    };
  }, [files]);

  const run = useCallback(
    (request: ImportRequestFile[], chosen: (ColumnMapping | null)[]) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setPhase({ step: 'running', fraction: 0 });
      client
        .run(
          {
            files: request,
            mappings: chosen.length > 0 ? chosen : undefined,
            // Only a links table is attached to the open dataset; sending a big one costs a long clone.
            base: request.some((file) => mayBeTable(file.name)) ? base : null,
          },
          {
            signal: controller.signal,
            onProgress: (fraction) => setPhase({ step: 'running', fraction }),
            moveBytes: true,
          },
        )
        .then((outcome) => {
          if (controller.signal.aborted) return;
          setShown(outcome);
          setPhase({ step: 'done', outcome });
        })
        .catch((error: unknown) => {
          if (error instanceof ImportCancelled) return;
          setPhase({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
        });
      // The files are with the import worker: work that waited for that may start (src/app/main.tsx).
      markOnce('import-sent');
    },
    [client, base],
  );

  useEffect(() => {
    if (payload === null) return;
    if (payload.length === 0) {
      setPhase({ step: 'failed', message: 'No file could be read.' });
      return;
    }
    run(payload, []);
  }, [payload, run]);

  useEffect(() => () => running.current?.abort(), []);

  const stop = () => {
    running.current?.abort();
    setPhase({ step: 'stopped' });
  };
  const cancel = () => {
    running.current?.abort();
    onCancel();
  };
  const changeMapping = (index: number, mapping: ColumnMapping) => {
    if (payload === null) return;
    const detected = shown?.files.map((f) => f.mapping ?? null) ?? [];
    const next = payload.map((_, i) => (i === index ? mapping : (mappings[i] ?? detected[i] ?? null)));
    setMappings(next);
    const generation = ++rereads.current;
    void readAll(sources.current).then((reads) => {
      // A later edit read the files again meanwhile: its run is the one wanted.
      if (generation !== rereads.current) return;
      const failed = reads.find(({ read }) => !read.ok)?.read;
      if (failed !== undefined && !failed.ok) setPhase({ step: 'failed', message: failed.message });
      else run(readable(reads), next);
    });
  };
  const download = () => {
    if (shown === null) return;
    const blob = new Blob([reportToCsv(shown.report)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = 'forgemap-import-report.csv';
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const outcome = phase.step === 'done' ? phase.outcome : shown;
  const busy = phase.step === 'reading' || phase.step === 'running';
  const editable = (outcome?.files ?? []).flatMap((file, index) =>
    file.mapping !== undefined && file.headers !== undefined ? [{ file, index, mapping: file.mapping }] : [],
  );

  return (
    <ModalDialog
      title={`Import ${files.length === 1 ? (files[0]?.name ?? 'file') : `${files.length} files`}`}
      testId="import-dialog"
      onEscape={cancel}
      // How many files were parsed partly on a second core (big bundles): for diagnosis and tests.
      data={{ 'data-two-core-files': outcome?.files.filter((file) => file.twoCores === true).length ?? 0 }}
    >
      {unreadable.map((message) => (
        <p key={message} className="import-error" role="alert" data-testid="import-error">
          {message}
        </p>
      ))}
      <div className="import-status" aria-live="polite" data-testid="import-status">
        {phase.step === 'reading' && 'Reading the files…'}
        {phase.step === 'running' && (
          <>
            <label htmlFor="import-progress">Importing… {Math.round(phase.fraction * 100)} %</label>
            <progress id="import-progress" data-testid="import-progress" max={1} value={phase.fraction} />
            <button type="button" data-testid="import-stop" onClick={stop}>
              Cancel
            </button>
          </>
        )}
        {phase.step === 'stopped' && 'The import was stopped. Change the mapping to run it again, or cancel.'}
      </div>
      {phase.step === 'failed' && (
        <p className="import-error" role="alert" data-testid="import-error">
          The import failed: {phase.message}
        </p>
      )}
      {editable.map(({ file, index, mapping }) => (
        <MappingEditor
          key={index}
          file={file}
          index={index}
          mapping={mappings[index] ?? mapping}
          canSwitchTarget={file.format === 'organizations' || file.format === 'links'}
          disabled={busy}
          onChange={(next) => changeMapping(index, next)}
        />
      ))}
      {outcome !== null && <ImportReportView report={outcome.report} />}
      <div className="import-actions">
        <button
          type="button"
          data-testid="import-download-report"
          onClick={download}
          disabled={outcome === null}
        >
          Download report (CSV)
        </button>
        <span className="import-spacer" />
        <button type="button" data-testid="import-cancel" onClick={cancel}>
          Cancel
        </button>
        <button
          type="button"
          className="import-primary"
          data-testid="import-confirm"
          disabled={busy || outcome?.value == null}
          onClick={() => {
            if (outcome?.value != null)
              onImport(outcome.value.bundle, outcome.report, outcome.value.positions, outcome.canonical);
          }}
        >
          Import
        </button>
      </div>
    </ModalDialog>
  );
}
