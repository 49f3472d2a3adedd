import { describe, expect, it } from 'vitest';
import { flatDefinition, spreadItem } from './flat.ts';

const { FLOAT, UNSIGNED_BYTE, TRIANGLES } = { FLOAT: 5126, UNSIGNED_BYTE: 5121, TRIANGLES: 4 };

describe('spreadItem', () => {
  it('copies the item to every vertex, each followed by its corner constants', () => {
    // Two items of 3 floats, 3 vertices each with 2 constants: a stride of 5 floats per vertex.
    const array = new Float32Array(2 * 3 * 5).fill(-1);
    array.set([7, 8, 9], 15); // the second item, as the instanced program writes it at its start
    spreadItem(array, 15, 3, [
      [0, 10],
      [1, 11],
      [2, 12],
    ]);
    expect([...array.slice(15)]).toEqual([7, 8, 9, 0, 10, 7, 8, 9, 1, 11, 7, 8, 9, 2, 12]);
    // The first item's slots are untouched.
    expect([...array.slice(0, 15)]).toEqual(new Array(15).fill(-1));
  });

  it('handles a single constant per vertex (sigma’s node circle: one angle)', () => {
    const array = new Float32Array(3 * 4);
    array.set([1, 2, 3]);
    spreadItem(array, 0, 3, [[0.5], [1.5], [2.5]]);
    expect([...array]).toEqual([1, 2, 3, 0.5, 1, 2, 3, 1.5, 1, 2, 3, 2.5]);
  });
});

describe('flatDefinition', () => {
  const instanced = {
    VERTICES: 3,
    VERTEX_SHADER_SOURCE: 'v',
    FRAGMENT_SHADER_SOURCE: 'f',
    METHOD: TRIANGLES,
    UNIFORMS: ['u_matrix'],
    ATTRIBUTES: [
      { name: 'a_position', size: 2, type: FLOAT },
      { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
    ],
    CONSTANT_ATTRIBUTES: [{ name: 'a_angle', size: 1, type: FLOAT }],
    CONSTANT_DATA: [[0], [1], [2]],
  };

  it('makes the constant attributes per-vertex ones after the item’s, and drops the instancing keys', () => {
    const flat = flatDefinition(instanced);
    // sigma instances a program exactly when its definition has CONSTANT_ATTRIBUTES.
    expect('CONSTANT_ATTRIBUTES' in flat).toBe(false);
    expect('CONSTANT_DATA' in flat).toBe(false);
    expect(flat.ATTRIBUTES.map((a) => a.name)).toEqual(['a_position', 'a_color', 'a_angle']);
    expect(flat.VERTICES).toBe(3);
    expect(flat.VERTEX_SHADER_SOURCE).toBe('v');
  });

  it('returns a plain definition as it is, and refuses constant data that does not match the vertices', () => {
    const { CONSTANT_ATTRIBUTES: _a, CONSTANT_DATA: _d, ...plain } = instanced;
    expect(flatDefinition(plain)).toBe(plain);
    expect(() => flatDefinition({ ...instanced, CONSTANT_DATA: [[0], [1]] })).toThrow(/2 rows .* 3 vertices/);
  });
});
