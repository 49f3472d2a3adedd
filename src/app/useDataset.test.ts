import { describe, expect, it } from 'vitest';
import { testBundle } from '../analysis/test-bundle.ts';
import { datasetAtOnce } from './useDataset.ts';

const kept = { bundle: testBundle([{ id: 'P', kind: 'prime' }], []) };
const other = { bundle: testBundle([{ id: 'Q', kind: 'prime' }], []) };

describe('datasetAtOnce', () => {
  it("shows a ?data= start's bundle while it is being kept, marked as having no link yet", () => {
    const state = datasetAtOnce('waiting', true, undefined, kept);
    expect(state).toMatchObject({ status: 'ready', beingKept: true });
    expect(state?.status === 'ready' && state.bundle).toBe(kept.bundle);
  });

  it('goes on with the very same bundle under its h: link, no longer as being kept', () => {
    const state = datasetAtOnce('hash:4f7a99a55a57ff5c', false, kept, kept);
    expect(state).toEqual({ status: 'ready', key: 'hash:4f7a99a55a57ff5c', issues: [], bundle: kept.bundle });
  });

  it('never shows the bundle being kept over a dataset the address names', () => {
    expect(datasetAtOnce('sample:chicago', false, undefined, kept)).toBeNull();
    expect(datasetAtOnce('hash:0123456789abcdef', false, undefined, other)).toBeNull();
    expect(datasetAtOnce('waiting', true, undefined, null)).toBeNull();
  });
});
