// Sigma draws nodes and most edges instanced: one small mesh (a triangle per node, two per link body) repeated
// once per item. Software WebGL (SwiftShader, as on machines without a GPU) runs an instanced draw item by
// item: 10k node triangles took 160–255 ms instanced against 8–10 ms as one plain draw of the same 30k
// vertices (headless Chromium on 2 cores), and every camera frame of a 10k network cost 250–450 ms.
// `flatProgram` turns an instanced sigma program into a plain one with the same shaders: each vertex carries
// its item's attributes followed by the constant data of its corner. A GPU draws either as fast; the plain
// buffer is a few times larger (nodes 3×, link bodies 6×), which a GPU does not notice at the sizes the
// network view draws (it aggregates big graphs).
import type { InstancedProgramDefinition, ProgramDefinition } from 'sigma/rendering';

/**
 * Spreads one item over its vertices, in place: the item's `itemSize` floats at `start` (as an instanced
 * program writes them) are copied to each vertex, each vertex followed by its row of `constants`.
 */
export function spreadItem(
  array: Float32Array,
  start: number,
  itemSize: number,
  constants: readonly (readonly number[])[],
): void {
  const constantSize = constants[0]?.length ?? 0;
  const stride = itemSize + constantSize;
  // Backwards: vertex 0's slot is where the item's floats are read from.
  for (let v = constants.length - 1; v >= 0; v--) {
    const base = start + v * stride;
    if (v > 0) for (let k = 0; k < itemSize; k++) array[base + k] = array[start + k]!;
    const row = constants[v]!;
    for (let k = 0; k < constantSize; k++) array[base + itemSize + k] = row[k]!;
  }
}

/** The plain definition of an instanced one: the constant attributes become per-vertex attributes. */
export function flatDefinition<Uniform extends string>(
  definition: ProgramDefinition<Uniform> | InstancedProgramDefinition<Uniform>,
): ProgramDefinition<Uniform> {
  if (!('CONSTANT_ATTRIBUTES' in definition)) return definition;
  const { CONSTANT_ATTRIBUTES, CONSTANT_DATA, ...plain } = definition;
  if (CONSTANT_DATA.length !== definition.VERTICES)
    throw new Error(
      `flatDefinition: ${CONSTANT_DATA.length} rows of constant data for ${definition.VERTICES} vertices`,
    );
  return { ...plain, ATTRIBUTES: [...definition.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
}

/** What flatProgram needs of a sigma program class (NodeProgram and EdgeProgram subclasses). */
interface ItemProgram {
  array: Float32Array;
  /** Floats per vertex (of the definition it was built from: here the plain one). */
  ATTRIBUTES_ITEMS_COUNT: number;
  getDefinition(): ProgramDefinition | InstancedProgramDefinition;
  processVisibleItem(index: number, start: number, ...data: never[]): void;
}
// A mixin's base must take `any[]` (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ItemProgramClass = new (...args: any[]) => ItemProgram;

/**
 * The plain-draw version of an instanced sigma program class (a NodeProgram or EdgeProgram subclass; sigma
 * types its own, e.g. EdgeArrowHeadProgram, only as opaque program types). A plain one comes back the same.
 */
export function flatProgram<C extends new (...args: never[]) => unknown>(Program: C): C {
  const Instanced = Program as unknown as ItemProgramClass;
  return class Flat extends Instanced {
    /** Each corner's constant data; null for a program that was plain already. Declared only: a field with an
     * initialiser would be reset after sigma's constructor, which is where getDefinition sets it. */
    declare private corners: readonly (readonly number[])[] | null | undefined;

    override getDefinition() {
      const definition = super.getDefinition();
      // Called first in sigma's constructor, before this class's own fields exist.
      this.corners = 'CONSTANT_ATTRIBUTES' in definition ? definition.CONSTANT_DATA : null;
      return flatDefinition(definition);
    }

    override processVisibleItem(index: number, start: number, ...data: never[]) {
      super.processVisibleItem(index, start, ...data);
      const corners = this.corners;
      if (corners == null) return;
      // sigma counts the floats of a vertex; the item's own are those before its corner's constants.
      spreadItem(this.array, start, this.ATTRIBUTES_ITEMS_COUNT - (corners[0]?.length ?? 0), corners);
    }
  } as unknown as C;
}
