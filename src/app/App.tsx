// The app shell, as an outline: the route (the URL hash is the source of truth for what is shown; every
// change goes through a pure route action), the dataset it names, what the views are shown of it, and the
// page: header, notices, the import dialog, and the workspace.
import { useState } from 'react';
import { sharingNotice } from '../io/redact.ts';
import type { Route, ViewName } from '../state/route.ts';
import { useRoute } from '../state/url.ts';
import type { DatasetView } from '../views/contracts.ts';
import { ExportMenu } from '../views/export/ExportMenu.tsx';
import { ImportDialog } from '../views/import/ImportDialog.tsx';
import { MissingDataset } from './MissingDataset.tsx';
import { NoticeList } from './NoticeList.tsx';
import { OpenDataButton } from './OpenData.tsx';
import { addressOpensFile } from './data-param.ts';
import { RecordsButton, useRecordsBuild } from './RecordsBuild.tsx';
import { RecordsDialog } from '../views/import/RecordsDialog.tsx';
import { ShareControl } from './ShareControl.tsx';
import type { SharingChoice } from './sharing.ts';
import { AVAILABLE_VIEWS, routeForDataset, ShellHeader } from './ShellHeader.tsx';
import { useDataOpening } from './useDataOpening.ts';
import { useDataset } from './useDataset.ts';
import { usePngExports } from './usePngExports.ts';
import { useRouteActions } from './useRouteActions.ts';
import { useBriefing } from './useBriefing.ts';
import { useShareLink } from './useShareLink.ts';
import { useSharedCopy } from './useSharedCopy.ts';
import { useWorkspaceData } from './useWorkspaceData.ts';
import { Workspace } from './Workspace.tsx';

export function App() {
  const { route, notices: routeNotices, setRoute } = useRoute();
  // A link that opens a file (`?data=`) goes straight to it: the default sample is not loaded on the way.
  const [fileFirst, setFileFirst] = useState(addressOpensFile);
  const loaded = useDataset(fileFirst ? null : route.dataset, route.view === 'map' || route.view === 'split');
  const workspace = useWorkspaceData(route, loaded);
  const { bundle, data, region } = workspace;
  const actions = useRouteActions(setRoute, bundle);
  const opening = useDataOpening(loaded, setRoute, () => setFileFirst(false), route.view !== 'gaps');
  const { shownView, selected, notices } = whatIsShown(route, data, routeNotices);
  // How much shared links and exports carry; exports are made from the shared copy.
  const [sharing, setSharing] = useState<SharingChoice>({ profile: 'full', marking: '' });
  const shared = useSharedCopy(data, sharing);
  // Never the data as it is while a redacted copy is being prepared: then nothing can be exported.
  const exported = shared.copy;
  const notice = sharingNotice(bundle?.meta.sharing);
  const png = usePngExports(exported, region?.name, {
    map: data !== null && (shownView === 'map' || shownView === 'split'),
    network: data !== null && (shownView === 'network' || shownView === 'split'),
  });
  const buildLink = useShareLink(bundle, shared, route);
  const getBriefing = useBriefing({
    data,
    shared: exported,
    regionName: region?.name,
    mapEngine: png.mapEngine,
    sigmaEngine: png.sigmaEngine,
    choice: sharing,
    buildLink,
  });
  const records = useRecordsBuild();
  // A `?data=` start's bundle is shown while it is being kept: it has no link to share yet.
  const beingKept = loaded.status === 'ready' && loaded.beingKept === true;

  return (
    <div className="shell">
      <ShellHeader
        route={route}
        setRoute={setRoute}
        status={loaded.status}
        bundle={bundle}
        shownView={shownView}
        onView={actions.setView}
        regionId={workspace.regionId}
        onRegion={actions.chooseRegion}
        kept={opening.kept}
      >
        <OpenDataButton onFiles={opening.openFiles} />
        <RecordsButton onOpen={records.open} />
        {data !== null && exported !== undefined && !beingKept && (
          <ExportMenu
            bundle={exported}
            analysis={data.analysis}
            analysisStatus={
              workspace.analysis.state.status === 'failed'
                ? 'failed'
                : region === undefined
                  ? 'no-region'
                  : 'running'
            }
            positions={data.positions.coords}
            inRegion={data.inRegion}
            getMapPng={png.getMapPng}
            getNetworkPng={png.getNetworkPng}
            getBriefing={getBriefing}
            screenIsPublic={data.bundle.meta.sharing?.profile === 'public'}
          />
        )}
        {!beingKept && (
          <ShareControl
            buildLink={buildLink}
            canEmbed={route.dataset.kind !== 'sample' && bundle !== undefined}
            choice={sharing}
            onChoice={setSharing}
            least={bundle?.meta.sharing?.profile ?? 'full'}
          />
        )}
      </ShellHeader>
      {notice !== null && (
        <p className="sharing-banner" role="note" data-testid="sharing-banner">
          {notice}
        </p>
      )}
      <NoticeList
        notices={[...notices, ...opening.notices]}
        issues={loaded.status === 'failed' ? loaded.issues : []}
      />
      {opening.opening !== null && (
        <p className="opening" role="status" data-testid="opening-dataset">
          {beingKept
            ? `Keeping “${opening.opening}” on this device; its link comes when it is kept…`
            : `Opening “${opening.opening}”…`}
        </p>
      )}
      {opening.files !== null && (
        <ImportDialog
          files={opening.files}
          client={opening.client}
          base={bundle ?? null}
          onImport={(imported, _report, positions, canonical) => {
            const name = (opening.files ?? []).map((f) => f.name).join(' + ');
            // The dialog closes, and nothing else is loaded while the bundle is being kept: a `?data=`
            // start shows no sample on the way to its file.
            void opening.openBundle(imported, name, canonical, positions);
          }}
          onCancel={opening.closeDialog}
        />
      )}
      {records.isOpen && (
        <RecordsDialog
          regions={records.regions}
          initialRegion={workspace.regionId}
          client={records.client()}
          onImport={(built, canonical) => {
            records.close();
            void opening.openBundle(built, built.meta.title, canonical);
          }}
          onClose={records.close}
        />
      )}
      <main className="main-area" data-testid="main-area" aria-busy={loaded.status === 'loading'}>
        {loaded.status === 'loading' && <p className="placeholder">Loading the dataset…</p>}
        {loaded.status === 'waiting' && (
          <p className="placeholder" role="status" data-testid="waiting-for-file">
            Opening the file the address names…
          </p>
        )}
        {loaded.status === 'missing' && (
          <MissingDataset
            hash={loaded.hash}
            file={route.file}
            kept={opening.kept}
            onOpenFile={opening.openFiles}
            onChooseKept={(hash) => {
              const next = routeForDataset(`hash:${hash}`, route, opening.kept);
              if (next !== null) setRoute(next, { push: true });
            }}
          />
        )}
        {bundle !== undefined && data === null && <p className="placeholder">Placing the organizations…</p>}
        {data !== null && (
          <Workspace
            data={data}
            workspace={workspace}
            route={route}
            actions={actions}
            shownView={shownView}
            selected={selected}
            datasetIssues={loaded.status === 'ready' ? loaded.issues : []}
            onMapEngine={png.onMapEngine}
            onSigmaEngine={png.onSigmaEngine}
          />
        )}
      </main>
    </div>
  );
}

/**
 * The view shown (a link naming a view this version lacks opens the map), the selection when the dataset
 * has it, and the notices saying what of the link could not be followed.
 */
function whatIsShown(
  route: Route,
  data: DatasetView | null,
  routeNotices: readonly string[],
): { shownView: ViewName; selected: string | undefined; notices: string[] } {
  const notices = [...routeNotices];
  const shownView: ViewName = AVAILABLE_VIEWS.some((v) => v.view === route.view) ? route.view : 'map';
  if (shownView !== route.view) {
    notices.push(
      `The link asks for the ${route.view} view, which this version of Forgemap does not have yet; showing the map.`,
    );
  }
  const known = route.selected !== undefined && data?.orgIndex.has(route.selected) === true;
  if (route.selected !== undefined && data !== null && !known) {
    notices.push(
      `The selected organization "${route.selected}" is not in this dataset; nothing is selected.`,
    );
  }
  return { shownView, selected: known ? route.selected : undefined, notices };
}
