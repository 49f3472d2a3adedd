// What a permalink to data kept on another device shows here: which file it needs (title, content hash,
// size), a way to open it (the view the link names is then restored), and the datasets this device has.
import { FileButton } from './OpenData.tsx';
import { formatBytes } from '../io/import/limits.ts';
import type { StoredDatasetInfo } from '../state/dataset-store.ts';
import type { DatasetFile } from '../state/route.ts';

interface MissingDatasetProps {
  hash: string;
  file: DatasetFile | undefined;
  kept: readonly StoredDatasetInfo[];
  onOpenFile: (files: readonly File[]) => void;
  onChooseKept: (hash: string) => void;
}

export function MissingDataset({ hash, file, kept, onOpenFile, onChooseKept }: MissingDatasetProps) {
  const name = file?.name;
  return (
    <section className="missing-dataset panel" data-testid="missing-dataset" aria-labelledby="missing-title">
      <h2 id="missing-title">This link needs a data file that is not on this device</h2>
      <p>
        The view was shared from data imported on another device. Open the same file here and the view the
        link describes (region, selection, filters, camera) is restored.
      </p>
      <dl className="missing-facts">
        <dt>File</dt>
        <dd data-testid="missing-name">{name ?? 'not named in the link'}</dd>
        <dt>Content hash</dt>
        <dd>
          <code data-testid="missing-hash">{hash}</code>
        </dd>
        <dt>Size</dt>
        <dd data-testid="missing-size">
          {file?.bytes === undefined
            ? 'not given in the link'
            : `${formatBytes(file.bytes)} as a Forgemap bundle`}
        </dd>
      </dl>
      <FileButton
        label="Open the file…"
        className="header-button missing-open"
        inputTestId="missing-open"
        onFiles={onOpenFile}
      />
      <p className="missing-hint">
        Ask the sender for the file, or for a link with the data embedded (Copy link → Embed the data) if it
        is small. You can also drop the file anywhere on this page.
      </p>
      {kept.length > 0 && (
        <>
          <h3>Datasets on this device</h3>
          <ul className="missing-kept">
            {kept.map((k) => (
              <li key={k.hash}>
                <button type="button" onClick={() => onChooseKept(k.hash)}>
                  {k.title}
                </button>{' '}
                <span className="missing-kept-facts">
                  {k.organizations.toLocaleString('en-US')} organizations · {formatBytes(k.bytes)} · hash{' '}
                  <code>{k.hash}</code>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
