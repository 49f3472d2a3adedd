// The copy of the shown dataset that shared links and exports are made from: the data as it is, or the copy
// the sharing choice allows (io/redact.ts). A public copy needs the county of every organization and the
// county shapes (names, centroids), loaded on first need, so it comes a moment later: until then there is
// no copy, and nothing can be shared or exported from one.
import { useEffect, useMemo, useState } from 'react';
import type { Bundle } from '../domain/model.ts';
import { needsLocator, resolveCounty } from '../domain/membership.ts';
import type { CountyLocator } from '../domain/membership.ts';
import { countyPlaces } from '../io/public/county-places.ts';
import type { CountyPlaces } from '../io/public/county-places.ts';
import type { PublicContext } from '../io/public/redact-public.ts';
import { redactBundle } from '../io/redact.ts';
import type { DatasetView } from '../views/contracts.ts';
import { loadCountyTopology } from '../workers/reference-files.ts';
import { referenceLoaders } from '../workers/reference-loaders.ts';
import { isRedacting } from './sharing.ts';
import type { SharingChoice } from './sharing.ts';

let places: Promise<CountyPlaces> | null = null;

/** What a public copy of `bundle` needs besides the analysis: where each organization is, by county. */
async function placing(bundle: Bundle): Promise<Pick<PublicContext, 'countyOf' | 'places'>> {
  places ??= loadCountyTopology().then(countyPlaces);
  places.catch(() => (places = null));
  const needed = needsLocator(bundle.organizations);
  const locator: CountyLocator = {
    countyAt: needed.points ? await referenceLoaders.countyAt() : undefined,
    countyOfZip: needed.points || needed.zips ? await referenceLoaders.countyOfZip() : undefined,
  };
  return { countyOf: (org) => resolveCounty(org, locator).county, places: await places };
}

export interface SharedCopy {
  /** The copy to share; undefined without data, or while a public copy is being prepared. */
  copy: Bundle | undefined;
  /** Why a public copy could not be made (the county shapes did not load), or null. */
  problem: string | null;
}

export function useSharedCopy(data: DatasetView | null, choice: SharingChoice): SharedCopy {
  const bundle = data?.bundle;
  const isPublic = choice.profile === 'public' && bundle?.meta.sharing?.profile !== 'public';
  const [ready, setReady] = useState<{
    bundle: Bundle;
    context: Pick<PublicContext, 'countyOf' | 'places'>;
  } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!isPublic || bundle === undefined || ready?.bundle === bundle) return;
    let live = true;
    placing(bundle).then(
      (context) => live && setReady({ bundle, context }),
      (error: unknown) =>
        live &&
        setProblem(
          `A public copy needs the county shapes, which could not be loaded (${error instanceof Error ? error.message : String(error)}).`,
        ),
    );
    return () => {
      live = false;
    };
  }, [isPublic, bundle, ready]);

  const analysis = data?.analysis ?? null;
  const copy = useMemo((): Bundle | undefined => {
    if (bundle === undefined || !isRedacting(choice)) return bundle;
    if (!isPublic) return redactBundle(bundle, choice);
    if (ready?.bundle !== bundle) return undefined;
    const gaps =
      analysis === null || analysis.region === null ? null : { region: analysis.region, list: analysis.gaps };
    return redactBundle(bundle, { ...choice, publicContext: { ...ready.context, gaps } });
  }, [bundle, choice, isPublic, ready, analysis]);
  return { copy, problem: isPublic ? problem : null };
}
