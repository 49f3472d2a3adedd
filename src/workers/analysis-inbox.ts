// What the analysis worker does with each message: keep a dataset (whole, or put together from its parts)
// and answer analysis requests. Shared by the worker entry and the tests' stand-in worker.
import type { Bundle } from '../domain/model.ts';
import type { LinkColumns } from '../io/link-split.ts';
import { decodeLinks, ownIdsOf } from '../io/link-split.ts';
import type { AnalysisEngine } from './analysis-engine.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { packOutcome } from './analysis-wire.ts';

export function createAnalysisInbox(
  engine: AnalysisEngine,
  post: (message: FromWorker, transfer?: Transferable[]) => void,
): (message: ToWorker) => void {
  /** Parts of the bundle being received, for one dataset key at a time. */
  let receiving: { datasetKey: string; organizations: unknown[][]; links: LinkColumns | null } | null = null;
  return (message) => {
    if (message.type === 'load-part' || message.type === 'load-links') {
      if (receiving?.datasetKey !== message.datasetKey)
        receiving = { datasetKey: message.datasetKey, organizations: [], links: null };
      if (message.type === 'load-part') receiving.organizations.push(message.items);
      else receiving.links = message.columns;
      return;
    }
    if (message.type === 'load') {
      const parts = message.parts === true && receiving?.datasetKey === message.datasetKey ? receiving : null;
      receiving = null;
      // The parts are the app's own validated records, in order.
      let bundle = message.bundle;
      if (parts !== null) {
        const organizations = parts.organizations.flat() as Bundle['organizations'];
        const links = parts.links === null ? [] : decodeLinks(parts.links, ownIdsOf(organizations));
        bundle = { ...message.bundle, organizations, links };
      }
      engine.load(message.datasetKey, bundle);
      return;
    }
    const { id, request } = message;
    engine
      .analyze(request, (phase, fraction) => post({ type: 'progress', id, phase, fraction }))
      .then((outcome) => {
        const { packed, transfer } = packOutcome(outcome);
        post({ type: 'result', id, outcome: packed }, transfer);
      })
      .catch((error: unknown) =>
        post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }),
      );
  };
}
