import { describe, expect, it } from 'vitest';
import { glContextAttributes, isSoftwareRenderer } from './gl-context.ts';

describe('glContextAttributes', () => {
  it('keeps the drawing buffer readable and the canvas synchronized with a GPU', () => {
    expect(glContextAttributes(false)).toEqual({ preserveDrawingBuffer: true });
  });
  it('desynchronizes the canvas on software GL, where it saves a read-back per frame', () => {
    expect(glContextAttributes(true)).toEqual({ preserveDrawingBuffer: true, desynchronized: true });
  });
});

describe('isSoftwareRenderer', () => {
  it.each([
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', true],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', true],
    ['ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)', true],
    ['ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)', false],
    ['Apple M2', false],
    ['WebKit WebGL', false],
  ])('%s → %s', (renderer, expected) => {
    expect(isSoftwareRenderer(renderer)).toBe(expected);
  });
});
