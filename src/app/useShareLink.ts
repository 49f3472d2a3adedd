// The link the Share control copies: the current address, or with "embed the data" the dataset itself
// compressed into the link (when it fits; otherwise the plain link, and why).
import { useCallback } from 'react';
import type { Bundle } from '../domain/model.ts';
import { encodeEmbedded, MAX_EMBEDDED_BYTES } from '../io/embed.ts';
import { canonicalBundleText } from '../io/export/bundle-json.ts';
import { formatBytes } from '../io/import/limits.ts';
import { encodeRoute } from '../state/route.ts';
import type { Route } from '../state/route.ts';
import { currentHref } from '../state/url.ts';
import type { ShareLink } from './ShareControl.tsx';

export function useShareLink(
  bundle: Bundle | undefined,
  route: Route,
): (embed: boolean) => Promise<ShareLink> {
  return useCallback(
    async (embed: boolean): Promise<ShareLink> => {
      const href = currentHref();
      if (!embed || bundle === undefined) return { href, problem: null };
      const { payload, bytes } = await encodeEmbedded(canonicalBundleText(bundle));
      if (bytes > MAX_EMBEDDED_BYTES)
        return {
          href,
          problem: `This dataset is ${formatBytes(bytes)} compressed, more than the ${formatBytes(MAX_EMBEDDED_BYTES)} a link can carry; the link names the file instead.`,
        };
      const base = href.slice(0, href.length - window.location.hash.length);
      const embedded = encodeRoute({ ...route, dataset: { kind: 'embedded', id: payload }, file: undefined });
      return { href: `${base}${embedded}`, problem: null };
    },
    [bundle, route],
  );
}
