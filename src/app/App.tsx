// The app shell: header (dataset, synthetic badge, region picker), notices, and the main area where the
// views live. The URL hash is the source of truth for which dataset, view and region are shown.
import { useEffect, useMemo, useState } from 'react';
import type { Bundle } from '../domain/model.ts';
import type { Issue } from '../io/issues.ts';
import { useRoute } from '../state/url.ts';
import { DEFAULT_ROUTE, DEFAULT_SAMPLE } from '../state/route.ts';
import { fetchBundle } from './load-dataset.ts';
import { REFERENCE_REGIONS, referenceRegionIds } from './reference-regions.ts';
import { RegionPicker } from './RegionPicker.tsx';
import { DatasetSummary } from './DatasetSummary.tsx';
import { findSample, SAMPLES } from './samples.ts';
import { NoticeList } from './NoticeList.tsx';
import { useAnalysis } from './useAnalysis.ts';
import { GapList } from '../views/gaps/GapList.tsx';

const NO_COUNTIES: readonly string[] = [];

type Loaded =
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; bundle: Bundle; issues: Issue[] }
  | { status: 'failed'; key: string; issues: Issue[] };

export function App() {
  const { route, notices, setRoute } = useRoute();
  const datasetKey = `${route.dataset.kind}:${route.dataset.id}`;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading', key: datasetKey });

  useEffect(() => {
    if (route.dataset.kind !== 'sample') {
      setLoaded({
        status: 'failed',
        key: datasetKey,
        issues: [
          {
            severity: 'error',
            message: `This link points to an imported dataset (${route.dataset.id}) that is not on this device. Open the sample datasets from the Dataset menu.`,
          },
        ],
      });
      return;
    }
    const sample = findSample(route.dataset.id);
    if (sample === undefined) {
      setLoaded({
        status: 'failed',
        key: datasetKey,
        issues: [
          {
            severity: 'error',
            message: `There is no sample dataset called "${route.dataset.id}". The samples are: ${SAMPLES.map((s) => s.id).join(', ')}.`,
          },
        ],
      });
      return;
    }
    const controller = new AbortController();
    setLoaded({ status: 'loading', key: datasetKey });
    void fetchBundle(sample.url, sample.label, referenceRegionIds(), controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.value === null) setLoaded({ status: 'failed', key: datasetKey, issues: result.issues });
      else setLoaded({ status: 'ready', key: datasetKey, bundle: result.value, issues: result.issues });
    });
    return () => controller.abort();
  }, [datasetKey, route.dataset.kind, route.dataset.id]);

  const bundle = loaded.status === 'ready' && loaded.key === datasetKey ? loaded.bundle : undefined;
  const regionId = route.region ?? bundle?.meta.homeRegion;
  const region = useMemo(
    () => bundle?.regions.find((r) => r.id === regionId) ?? REFERENCE_REGIONS.find((r) => r.id === regionId),
    [bundle, regionId],
  );

  const analysis = useAnalysis(datasetKey, bundle, regionId ?? null, region?.counties ?? NO_COUNTIES);

  const sampleId = route.dataset.kind === 'sample' ? route.dataset.id : '';
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand" aria-label="Forgemap">
          Forgemap
        </span>
        <div className="dataset">
          <h1 className="dataset-title" data-testid="dataset-title">
            {bundle?.meta.title ?? (loaded.status === 'failed' ? 'No dataset' : 'Loading…')}
          </h1>
          {bundle?.meta.synthetic === true && (
            <span
              className="badge badge-synthetic"
              data-testid="synthetic-badge"
              title="Fictional firms and relationships, generated for demonstration. Regions and places are real."
            >
              Synthetic sample data
            </span>
          )}
        </div>
        <div className="shell-controls">
          <label className="control">
            <span>Dataset</span>
            <select
              value={sampleId}
              onChange={(event) =>
                setRoute(
                  {
                    ...DEFAULT_ROUTE,
                    dataset: { kind: 'sample', id: event.target.value || DEFAULT_SAMPLE },
                    view: route.view,
                  },
                  { push: true },
                )
              }
            >
              {sampleId === '' && <option value="">Imported dataset</option>}
              {SAMPLES.map((sample) => (
                <option key={sample.id} value={sample.id}>
                  {sample.label} (sample)
                </option>
              ))}
            </select>
          </label>
          <RegionPicker
            value={regionId}
            datasetRegions={bundle?.regions ?? []}
            referenceRegions={REFERENCE_REGIONS}
            onChange={(id) =>
              setRoute({ ...route, region: id === bundle?.meta.homeRegion ? undefined : id }, { push: true })
            }
          />
        </div>
      </header>
      <NoticeList notices={notices} issues={loaded.status === 'failed' ? loaded.issues : []} />
      <main className="main-area" data-testid="main-area" aria-busy={loaded.status === 'loading'}>
        {loaded.status === 'loading' && <p className="placeholder">Loading the dataset…</p>}
        {bundle !== undefined && (
          <div className="workspace">
            <DatasetSummary
              bundle={bundle}
              region={region}
              issues={loaded.status === 'ready' ? loaded.issues : []}
            />
            <GapList
              state={analysis.state}
              regionName={region?.name}
              onCancel={analysis.cancel}
              onRerun={analysis.rerun}
            />
          </div>
        )}
      </main>
    </div>
  );
}
