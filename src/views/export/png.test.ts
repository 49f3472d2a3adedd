import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { composePng, mapPngFromCanvas, networkPngFromSigma } from './png.ts';

/** Everything the fake canvases see, in order. */
let log: string[] = [];

class FakeContext {
  font = '';
  fillStyle = '';
  textBaseline = '';
  textAlign = '';
  measureText(text: string) {
    return { width: Array.from(text).length * Number.parseFloat(this.font) * 0.5 };
  }
  fillRect(x: number, y: number, w: number, h: number) {
    log.push(`fillRect ${this.fillStyle} ${x},${y},${w},${h}`);
  }
  drawImage(image: { id: string }, ...args: number[]) {
    log.push(`drawImage ${image.id} ${args.join(',')}`);
  }
  fillText(text: string, x: number, y: number) {
    log.push(`fillText ${this.font.split(' ')[0]} ${text} @${x},${y}`);
  }
  beginPath() {}
  arc(x: number, y: number, r: number) {
    log.push(`arc ${this.fillStyle} ${x},${y},${r}`);
  }
  fill() {}
}

class FakeOffscreenCanvas {
  readonly ctx = new FakeContext();
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    log.push(`canvas ${width}x${height}`);
  }
  getContext() {
    return this.ctx;
  }
  convertToBlob(options: { type: string }) {
    log.push(`convertToBlob ${options.type}`);
    return Promise.resolve(new Blob(['png'], { type: options.type }));
  }
}

const layer = (id: string, width = 200, height = 100, clientWidth = width) =>
  ({ id, width, height, clientWidth }) as unknown as HTMLCanvasElement;

beforeEach(() => {
  log = [];
  vi.stubGlobal('OffscreenCanvas', FakeOffscreenCanvas);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('networkPngFromSigma', () => {
  it('renders sigma again, then composes its layers bottom first without the mouse layer', async () => {
    const sigma = {
      refresh: () => {
        log.push('refresh');
      },
      getCanvases: () => {
        log.push('getCanvases');
        return Object.fromEntries(
          ['edges', 'edgeLabels', 'nodes', 'labels', 'hovers', 'hoverNodes', 'mouse'].map((id) => [
            id,
            layer(id),
          ]),
        );
      },
    };
    const blob = await networkPngFromSigma(sigma, [{ color: '#c2410c', label: 'Prime' }], 'caption');
    expect(blob?.type).toBe('image/png');
    const draws = log.filter((entry) => entry.startsWith('drawImage'));
    expect(draws).toEqual(
      ['edges', 'edgeLabels', 'nodes', 'labels', 'hovers', 'hoverNodes'].map(
        (id) => `drawImage ${id} 0,0,200,100,0,0,200,100`,
      ),
    );
    // The WebGL layers are copied in the same task as the render, and on white.
    expect(log.slice(0, 2)).toEqual(['refresh', 'getCanvases']);
    const output = log.findIndex((entry) => entry.startsWith('canvas 200x'));
    expect(log[output + 1]).toMatch(/^fillRect #ffffff 0,0,200,\d+$/);
    expect(log.indexOf('convertToBlob image/png')).toBeGreaterThan(log.lastIndexOf(draws.at(-1)!));
  });
});

describe('mapPngFromCanvas', () => {
  it('adds the legend and the caption under the image, in a canvas tall enough for both', async () => {
    await mapPngFromCanvas(layer('map'), [{ color: '#2563eb', label: 'Manufacturer' }], 'Forgemap map: X.');
    // 100 image + 46 legend + 36 caption (see png-layout.test.ts for the arithmetic).
    expect(log).toContain('canvas 200x182');
    expect(log).toContain('drawImage map 0,0,200,100,0,0,200,100');
    expect(log).toContain('arc #2563eb 18,123,6');
    expect(log).toContain('fillText 13px Manufacturer @30,123');
    expect(log).toContain('fillText 13px Forgemap map: X. @12,161');
  });

  it('scales the legend and caption with the canvas pixel ratio', async () => {
    await mapPngFromCanvas(layer('map', 400, 200, 200), [{ color: '#2563eb', label: 'M' }], 'c');
    expect(log.some((entry) => entry.startsWith('fillText 26px M @'))).toBe(true);
  });
});

describe('composePng', () => {
  it('gives null for a view without pixels', async () => {
    await expect(composePng([layer('hidden', 0, 0)], { legend: [], caption: '' })).resolves.toBeNull();
    await expect(composePng([], { legend: [], caption: '' })).resolves.toBeNull();
    expect(log).toEqual([]);
  });
});
