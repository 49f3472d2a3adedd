// How fast this machine is while the browser bench runs, measured in the same Chromium with the same flags:
// the same code on this machine kind has drawn Chicago's map in 1.07 s one day and 2.4 s another (that day a
// C pointer chase took 265-346 ns a step while plain arithmetic ran at full speed). The bench's figures are
// only comparable across runs with these beside them. Four fixed workloads in a blank page: the JavaScript of
// an app start (objects made, sorted, written to JSON and parsed back), a memory copy, WebGL frames drawn on
// the CPU (the first, which builds SwiftShader's pipeline, then the usual frame) and a random walk through
// memory.
import type { Browser } from 'playwright-core';
import { median } from './measure.ts';

/** One round of the page's workloads, in ms (the walk in ns a step). */
export interface MachineRound {
  /** 200,000 records made, sorted, stringified and parsed back. */
  jsMs: number;
  /** `COPY_MB` MB copied `COPIES` times between two typed arrays. */
  copyMs: number;
  /** The first WebGL frame of a fresh context, read back (shader pipeline built on first use). */
  firstFrameMs: number;
  /** The median of the next frames, each read back. */
  frameMs: number;
  /** One step of a random walk through `CHASE_MB` MB, each step waiting for the last (ns). */
  chaseNs: number;
}

export interface MachineFigures {
  /** Median over the rounds. */
  jsMs: number;
  /** Memory copied per second (GB/s), from the median copy time. */
  copyGBps: number;
  firstFrameMs: number;
  frameMs: number;
  /** Median ns per dependent random read (memory latency, TLB misses included). */
  chaseNs: number;
  rounds: number;
}

export const COPY_MB = 64;
export const COPIES = 4;
export const CHASE_MB = 128;
const ROUNDS = 3;

/** The figures of several rounds: medians, and the copy time as bandwidth. */
export function machineFigures(rounds: readonly MachineRound[]): MachineFigures {
  if (rounds.length === 0) throw new Error('machineFigures: no rounds measured');
  const copyMs = median(rounds.map((r) => r.copyMs));
  return {
    jsMs: Math.round(median(rounds.map((r) => r.jsMs))),
    copyGBps: Math.round(((COPY_MB * COPIES * 1024 * 1024) / 1e9 / (copyMs / 1000)) * 10) / 10,
    firstFrameMs: Math.round(median(rounds.map((r) => r.firstFrameMs))),
    frameMs: Math.round(median(rounds.map((r) => r.frameMs)) * 10) / 10,
    chaseNs: Math.round(median(rounds.map((r) => r.chaseNs))),
    rounds: rounds.length,
  };
}

export function machineLine(figures: MachineFigures): string {
  return `JavaScript workload ${figures.jsMs} ms, memory copy ${figures.copyGBps} GB/s, WebGL first frame ${figures.firstFrameMs} ms then ${figures.frameMs} ms, random read ${figures.chaseNs} ns (median of ${figures.rounds})`;
}

/** One round in the page: runs in the browser (no imports, no closures over this module). */
async function pageRound(sizes: { copyMb: number; copies: number; chaseMb: number }): Promise<MachineRound> {
  // JavaScript: records as an app start makes them, sorted, written out and read back.
  let start = performance.now();
  const records: { id: string; kind: number; value: number; lat: number; lon: number }[] = [];
  for (let i = 0; i < 200_000; i++)
    records.push({ id: `org-${i}`, kind: i % 7, value: (i * 7919) % 100_003, lat: i / 1e4, lon: -i / 1e4 });
  records.sort((a, b) => a.value - b.value || (a.id < b.id ? -1 : 1));
  const parsed = JSON.parse(JSON.stringify(records)) as unknown[];
  if (parsed.length !== records.length) throw new Error('calibration: JSON round trip lost records');
  const jsMs = performance.now() - start;

  const from = new Float64Array((sizes.copyMb * 1024 * 1024) / 8).fill(1.5);
  const to = new Float64Array(from.length);
  // The first copy touches the target's pages; it is not timed.
  to.set(from);
  start = performance.now();
  for (let i = 0; i < sizes.copies; i++) {
    from[i] = i;
    to.set(from);
  }
  const copyMs = performance.now() - start;
  if (to[sizes.copies - 1] !== sizes.copies - 1) throw new Error('calibration: copy not done');

  // Memory latency: a walk along one random cycle through the whole array (Sattolo's shuffle, made once per
  // page), so that each read depends on the one before.
  const held = globalThis as { __calibrationCycle?: Int32Array };
  let cycle = held.__calibrationCycle;
  if (cycle === undefined) {
    cycle = new Int32Array((sizes.chaseMb * 1024 * 1024) / 4);
    for (let i = 0; i < cycle.length; i++) cycle[i] = i;
    let state = 7;
    for (let i = cycle.length - 1; i > 0; i--) {
      state = (state * 48271) % 2147483647;
      const j = state % i;
      const swap = cycle[i]!;
      cycle[i] = cycle[j]!;
      cycle[j] = swap;
    }
    held.__calibrationCycle = cycle;
  }
  const steps = 2_000_000;
  let at = 0;
  start = performance.now();
  for (let i = 0; i < steps; i++) at = cycle[at]!;
  const chaseNs = ((performance.now() - start) * 1e6) / steps;
  if (at < 0) throw new Error('calibration: walk left the array');

  // WebGL: 20,000 small triangles (~10 pixels each) over a 512 × 512 canvas, blended, read back each frame.
  const canvas = document.createElement('canvas');
  canvas.width = 512;
  canvas.height = 512;
  const gl = canvas.getContext('webgl2');
  if (gl === null) throw new Error('calibration: no WebGL2 context');
  const shader = (type: number, source: string) => {
    const s = gl.createShader(type)!;
    gl.shaderSource(s, source);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(s) ?? 'shader');
    return s;
  };
  const program = gl.createProgram();
  gl.attachShader(
    program,
    shader(
      gl.VERTEX_SHADER,
      '#version 300 es\nin vec2 p;\nout vec2 v;\nvoid main(){v=p;gl_Position=vec4(p,0.0,1.0);}',
    ),
  );
  gl.attachShader(
    program,
    shader(
      gl.FRAGMENT_SHADER,
      '#version 300 es\nprecision mediump float;\nin vec2 v;\nout vec4 c;\nvoid main(){float d=length(v);c=vec4(0.5+0.5*sin(d*20.0),d,1.0-d,0.02);}',
    ),
  );
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error('calibration: program not linked');
  gl.useProgram(program);
  const triangles = 20_000;
  const vertices = new Float32Array(triangles * 6);
  let seed = 1;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  for (let t = 0; t < triangles; t++) {
    const x = random() * 1.9 - 0.95;
    const y = random() * 1.9 - 0.95;
    for (let k = 0; k < 3; k++) {
      vertices[t * 6 + k * 2] = x + random() * 0.03;
      vertices[t * 6 + k * 2 + 1] = y + random() * 0.03;
    }
  }
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  gl.bufferData(gl.ARRAY_BUFFER, vertices, gl.STATIC_DRAW);
  const position = gl.getAttribLocation(program, 'p');
  gl.enableVertexAttribArray(position);
  gl.vertexAttribPointer(position, 2, gl.FLOAT, false, 0, 0);
  gl.enable(gl.BLEND);
  gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
  const pixel = new Uint8Array(4);
  const frame = () => {
    const began = performance.now();
    gl.clearColor(0, 0, 0, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.drawArrays(gl.TRIANGLES, 0, triangles * 3);
    gl.readPixels(256, 256, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    return performance.now() - began;
  };
  const firstFrameMs = frame();
  const frames: number[] = [];
  for (let i = 0; i < 9; i++) frames.push(frame());
  frames.sort((a, b) => a - b);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { jsMs, copyMs, firstFrameMs, frameMs: frames[4]!, chaseNs };
}

/** Measures the machine in a fresh context of `browser` (the bench's own Chromium and flags). */
export async function measureMachine(browser: Browser): Promise<MachineFigures> {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  // tsx keeps function names with an __name helper that a function sent to the page would miss.
  await context.addInitScript('window.__name = (f) => f;');
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    const rounds: MachineRound[] = [];
    for (let i = 0; i < ROUNDS; i++)
      rounds.push(await page.evaluate(pageRound, { copyMb: COPY_MB, copies: COPIES, chaseMb: CHASE_MB }));
    return machineFigures(rounds);
  } finally {
    await context.close();
  }
}
