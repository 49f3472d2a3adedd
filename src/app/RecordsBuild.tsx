// The header's "Public records…" button (build a region from public records) and what the dialog needs: the regions whose counties are
// known (a region without them would hold no firm), and one records client, made on first use and stopped
// when the app goes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordsRegion } from '../workers/records/records-api.ts';
import { createRecordsClient } from '../workers/records/records-client.ts';
import type { RecordsClient } from '../workers/records/records-client.ts';
import { REFERENCE_REGIONS } from './reference-regions.ts';

const BUILDABLE: readonly RecordsRegion[] = REFERENCE_REGIONS.filter((r) => r.counties.length > 0).map(
  (r) => ({
    id: r.id,
    name: r.name,
    program: r.program,
    counties: [...r.counties],
  }),
);

export function useRecordsBuild() {
  const [isOpen, setOpen] = useState(false);
  const made = useRef<RecordsClient | null>(null);
  useEffect(() => () => made.current?.dispose(), []);
  const client = useCallback(() => (made.current ??= createRecordsClient()), []);
  return {
    isOpen,
    open: () => setOpen(true),
    close: () => setOpen(false),
    regions: BUILDABLE,
    client,
  };
}

export function RecordsButton({ onOpen }: { onOpen: () => void }) {
  return (
    <button
      type="button"
      className="header-button"
      data-testid="records-open"
      title="Build a region's bundle from USAspending downloads (contract prime transactions and subawards)"
      onClick={onOpen}
    >
      Public records…
    </button>
  );
}
