import { describe, expect, it } from 'vitest';
import { glContextAttributes } from './gl-context.ts';

describe('glContextAttributes', () => {
  it('keeps the drawing buffer readable and the canvas synchronized with a GPU', () => {
    expect(glContextAttributes(false)).toEqual({ preserveDrawingBuffer: true });
  });
  it('desynchronizes the canvas on software GL, where it saves a read-back per frame', () => {
    expect(glContextAttributes(true)).toEqual({ preserveDrawingBuffer: true, desynchronized: true });
  });
});
