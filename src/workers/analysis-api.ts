// The analysis worker's methods, served in the worker (analysis.worker.ts) or in this thread: keep a
// dataset (whole, or put together from its parts), analyse its home region with an optional what-if, and
// analyse other regions of it for a comparison.
import type { AnalysisPhase } from '../analysis/analyze.ts';
import { FIRST_YEAR, LAST_YEAR } from '../domain/fiscal-years.ts';
import type { Bundle } from '../domain/model.ts';
import { bundleFromColumnar } from '../io/columnar.ts';
import type { KeptColumns } from '../io/columnar.ts';
import type { LinkColumns } from '../io/link-split.ts';
import { decodeLinks, ownIdsOf } from '../io/link-split.ts';
import { z } from 'zod';
import { Moved } from './actor.ts';
import type { Api, ArgSchemas, Handlers, Method } from './actor.ts';
import type { AnalysisEngine } from './analysis-engine.ts';
import { packOutcome, packRegions } from './analysis-wire.ts';
import type { PackedOutcome, PackedRegion } from './analysis-wire.ts';
import type { Chokepoint } from '../analysis/chokepoints.ts';
import type {
  AnalysisRequest,
  CompareRequest,
  ResilienceOutcome,
  ResilienceRequest,
  PrimeChokepointsRequest,
  SupplierChokepointsRequest,
} from './protocol.ts';

export interface AnalysisProgress {
  phase: AnalysisPhase | 'reference';
  fraction: number;
}

/**
 * A big bundle travels as parts (its organizations in slices, each posted in its own task, so that no single
 * structured clone blocks the page; its links as columns, encoded a slice per task and moved), then the
 * `load` with the rest and `parts: true`. A bundle kept on this device comes as its columns instead
 * (`load-kept`: a Blob crosses by reference), read here, and is loaded when the call is answered.
 */
export interface AnalysisApi extends Api {
  load: Method<{ datasetKey: string; bundle: Bundle; parts?: boolean }, null>;
  'load-part': Method<{ datasetKey: string; items: unknown[] }, null>;
  'load-links': Method<{ datasetKey: string; columns: LinkColumns }, null>;
  'load-kept': Method<{ datasetKey: string; columns: KeptColumns }, null>;
  analyze: Method<AnalysisRequest, PackedOutcome, AnalysisProgress>;
  compare: Method<CompareRequest, PackedRegion[]>;
  resilience: Method<ResilienceRequest, ResilienceOutcome>;
  'supplier-chokepoints': Method<SupplierChokepointsRequest, Chokepoint[]>;
  'prime-chokepoints': Method<PrimeChokepointsRequest, string[]>;
}

export function analysisHandlers(engine: AnalysisEngine): Handlers<AnalysisApi> {
  /** Parts of the bundle being received, for one dataset key at a time. */
  let receiving: { datasetKey: string; organizations: unknown[][]; links: LinkColumns | null } | null = null;
  const partsOf = (datasetKey: string) => {
    if (receiving?.datasetKey !== datasetKey) receiving = { datasetKey, organizations: [], links: null };
    return receiving;
  };
  return {
    'load-part': ({ datasetKey, items }) => {
      partsOf(datasetKey).organizations.push(items);
      return null;
    },
    'load-links': ({ datasetKey, columns }) => {
      partsOf(datasetKey).links = columns;
      return null;
    },
    'load-kept': async ({ datasetKey, columns }) => {
      const bytes = columns instanceof Blob ? new Uint8Array(await columns.arrayBuffer()) : columns;
      const read = bundleFromColumnar(bytes, 'the dataset');
      if (read.value === null) throw new Error(read.issues.map((issue) => issue.message).join(' '));
      engine.load(datasetKey, read.value);
      return null;
    },
    load: ({ datasetKey, bundle, parts }) => {
      const received = parts === true && receiving?.datasetKey === datasetKey ? receiving : null;
      receiving = null;
      // The parts are the app's own validated records, in order.
      let whole = bundle;
      if (received !== null) {
        const organizations = received.organizations.flat() as Bundle['organizations'];
        const links = received.links === null ? [] : decodeLinks(received.links, ownIdsOf(organizations));
        whole = { ...bundle, organizations, links };
      }
      engine.load(datasetKey, whole);
      return null;
    },
    analyze: async (request, { emit }) => {
      const outcome = await engine.analyze(request, (phase, fraction) => emit({ phase, fraction }));
      const { packed, transfer } = packOutcome(outcome);
      return new Moved(packed, transfer);
    },
    compare: async (request) => {
      const { packed, transfer } = packRegions(await engine.compare(request));
      return new Moved(packed, transfer);
    },
    resilience: (request) => engine.resilience(request),
    'supplier-chokepoints': (request) => engine.supplierChokepoints(request),
    'prime-chokepoints': (request) => engine.primeChokepoints(request),
  };
}

const datasetKey = z.string();
const ids = z.array(z.string());
const year = z.number().int().min(FIRST_YEAR).max(LAST_YEAR);
const years = z
  .object({ from: year, to: year })
  .refine((r) => r.from <= r.to, 'the first fiscal year comes after the last')
  .nullable()
  .optional();
/** Records the app itself validated on load: checked for their outline only, not field by field again. */
const records = <T>() => z.custom<T>((value) => typeof value === 'object' && value !== null);

/** What each method accepts, checked before it runs. */
export const analysisArgs: ArgSchemas<AnalysisApi> = {
  load: z.object({ datasetKey, bundle: records<Bundle>(), parts: z.boolean().optional() }),
  'load-part': z.object({ datasetKey, items: z.array(z.unknown()) }),
  'load-links': z.object({ datasetKey, columns: records<LinkColumns>() }),
  'load-kept': z.object({
    datasetKey,
    columns: z.custom<KeptColumns>((value) => value instanceof Blob || value instanceof Uint8Array),
  }),
  analyze: z.object({ datasetKey, regionId: z.string().nullable(), counties: ids, removed: ids, years }),
  compare: z.object({ datasetKey, regions: z.array(z.object({ id: z.string(), counties: ids })), years }),
  resilience: z.object({ datasetKey, regionId: z.string().nullable(), counties: ids, years }),
  'supplier-chokepoints': z.object({
    datasetKey,
    regionId: z.string().nullable(),
    counties: ids,
    years,
    supplier: z.string(),
  }),
  'prime-chokepoints': z.object({
    datasetKey,
    regionId: z.string().nullable(),
    counties: ids,
    years,
    prime: z.string(),
  }),
};
