// Screenshot comparison for the render tests: counts the share of pixels that differ from a committed
// baseline by more than a channel tolerance, decoding both PNGs in the page (no image library needed).
// UPDATE=1, or a missing baseline, writes the baseline instead.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export interface ImageDifference {
  /** `WxH`, or both sizes when they differ. */
  size: string;
  /** Share of pixels with a channel off by more than the tolerance; 1 when the sizes differ. */
  share: number;
}

/** Says how to create a baseline that is not there; a render test without one compares nothing. */
export function missingBaselineMessage(baselinePath: string): string {
  return (
    `No screenshot baseline at ${baselinePath}: nothing to compare with. Create it on purpose with ` +
    '`UPDATE=1 npm run test:e2e`, look at the picture, and commit it.'
  );
}

/**
 * Compares `actualPng` with the PNG at `baselinePath`, channel by channel, inside `page`. Throws when there is
 * no baseline; UPDATE=1 writes `actualPng` as the baseline first (and so compares it with itself).
 */
export async function compareWithBaseline(
  page: Page,
  actualPng: Buffer,
  baselinePath: string,
  channelTolerance: number,
): Promise<ImageDifference> {
  if (process.env['UPDATE'] === '1') {
    writeFileSync(baselinePath, actualPng);
    console.warn(`[e2e] UPDATE=1: wrote the baseline ${baselinePath}`);
  }
  if (!existsSync(baselinePath)) throw new Error(missingBaselineMessage(baselinePath));
  return compareImages(page, actualPng, readFileSync(baselinePath), channelTolerance);
}

/** The share of pixels of two PNGs that differ by more than `channelTolerance` in some channel. */
export async function compareImages(
  page: Page,
  first: Buffer,
  second: Buffer,
  channelTolerance: number,
): Promise<{ size: string; share: number }> {
  const a = `data:image/png;base64,${first.toString('base64')}`;
  const b = `data:image/png;base64,${second.toString('base64')}`;
  return page.evaluate(
    async ({ a, b, channel }) => {
      const pixels = async (url: string) => {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, canvas.width, canvas.height);
      };
      const [x, y] = await Promise.all([pixels(a), pixels(b)]);
      if (x.width !== y.width || x.height !== y.height) {
        return { size: `${x.width}x${x.height} vs ${y.width}x${y.height}`, share: 1 };
      }
      let off = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        for (let c = 0; c < 4; c++) {
          if (Math.abs(x.data[i + c]! - y.data[i + c]!) > channel) {
            off++;
            break;
          }
        }
      }
      return { size: `${x.width}x${x.height}`, share: off / (x.width * x.height) };
    },
    { a, b, channel: channelTolerance },
  );
}
