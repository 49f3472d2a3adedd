// Organization id → its index in bundle.organizations, built when first asked, not with the organizations'
// table: a Map of 100k ids takes 30-50 ms in Node and more on a slow machine's main thread, and nothing on
// the way to a big dataset's first picture looks an organization up by id. `buildSteps` builds it a slice
// at a time (the filter index's sliced build runs them first); a lookup before they are done builds the
// rest at once.

/** Organizations indexed between two yields of `buildSteps`. */
const STEP = 16_384;

export class OrgIndex implements ReadonlyMap<string, number> {
  private readonly map = new Map<string, number>();
  private built = 0;

  constructor(private readonly orgs: readonly { readonly id: string }[]) {}

  /** Builds the index, yielding between slices; nothing to do once it is built. */
  *buildSteps(): Generator<void, void, void> {
    while (this.built < this.orgs.length) {
      this.extend(STEP);
      yield;
    }
  }

  /** Whether every organization is indexed already. */
  get complete(): boolean {
    return this.built === this.orgs.length;
  }

  private extend(count: number): void {
    const { orgs, map } = this;
    const end = Math.min(orgs.length, this.built + count);
    // In order, so that the last of two organizations with one id wins, as in a Map set in order.
    for (let i = this.built; i < end; i++) map.set(orgs[i]!.id, i);
    this.built = end;
  }

  private whole(): Map<string, number> {
    if (this.built < this.orgs.length) this.extend(this.orgs.length);
    return this.map;
  }

  get(id: string): number | undefined {
    return this.whole().get(id);
  }

  has(id: string): boolean {
    return this.whole().has(id);
  }

  get size(): number {
    return this.whole().size;
  }

  forEach(
    callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void,
    thisArg?: unknown,
  ): void {
    this.whole().forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries(): MapIterator<[string, number]> {
    return this.whole().entries();
  }

  keys(): MapIterator<string> {
    return this.whole().keys();
  }

  values(): MapIterator<number> {
    return this.whole().values();
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.whole()[Symbol.iterator]();
  }
}
