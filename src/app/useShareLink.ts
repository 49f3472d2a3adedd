// The link the Share control copies: the current address, or with "embed the data" the dataset itself
// compressed into the link (when it fits; otherwise the plain link, and why). A partner, public or marked link always
// carries its data, redacted (io/redact.ts): a plain link would open the receiver's own full copy. When the
// redacted data does not fit, there is no link, only why.
import { useCallback } from 'react';
import type { Bundle } from '../domain/model.ts';
import { encodeEmbedded, MAX_EMBEDDED_BYTES } from '../io/embed.ts';
import { canonicalBundleText } from '../io/export/bundle-json.ts';
import { formatBytes } from '../io/import/limits.ts';
import { encodeRoute } from '../state/route.ts';
import type { Route } from '../state/route.ts';
import { currentHref } from '../state/url.ts';
import type { ShareLink } from './ShareControl.tsx';
import { isRedacting, sharedRoute } from './sharing.ts';
import type { SharedCopy } from './useSharedCopy.ts';
import type { SharingChoice } from './sharing.ts';

export function useShareLink(
  bundle: Bundle | undefined,
  copy: SharedCopy,
  route: Route,
): (embed: boolean, choice: SharingChoice) => Promise<ShareLink> {
  return useCallback(
    async (embed: boolean, choice: SharingChoice): Promise<ShareLink> => {
      const href = currentHref();
      const redacting = isRedacting(choice);
      if ((!embed && !redacting) || bundle === undefined) return { href, problem: null };
      // The copy is made for the choice the Share panel set (App's sharing state), which this is.
      const shared = redacting ? copy.copy : bundle;
      if (shared === undefined)
        return {
          href: '',
          problem: copy.problem ?? 'The shared copy is being prepared; try again in a moment.',
        };
      const { payload, bytes } = await encodeEmbedded(canonicalBundleText(shared));
      if (bytes > MAX_EMBEDDED_BYTES) {
        const size = `${formatBytes(bytes)} compressed, more than the ${formatBytes(MAX_EMBEDDED_BYTES)} a link can carry`;
        return redacting
          ? {
              href: '',
              problem: `A partner, public or marked link must carry its data, and this dataset is ${size}: export it from the Export menu with this profile and send the file instead.`,
            }
          : { href, problem: `This dataset is ${size}; the link names the file instead.` };
      }
      const base = href.slice(0, href.length - window.location.hash.length);
      const embedded = encodeRoute({
        ...sharedRoute(route, shared),
        dataset: { kind: 'embedded', id: payload },
        file: undefined,
      });
      return { href: `${base}${embedded}`, problem: null };
    },
    [bundle, copy, route],
  );
}
