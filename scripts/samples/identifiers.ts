// Fictional SAM identifiers: 12-character UEIs and 5-character CAGE codes drawn from the seed, unique within
// a sample. They follow the formats only; meta.synthetic marks them as invented.
import type { Rng } from './random.ts';

// SAM leaves out I and O to avoid confusion with 1 and 0; so do we.
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALNUM = LETTERS + DIGITS;

export interface IdentifierFactory {
  uei(rng: Rng): string;
  cage(rng: Rng): string;
}

function draw(rng: Rng, alphabet: string): string {
  return alphabet[rng.int(0, alphabet.length - 1)] ?? 'X';
}

export function createIdentifierFactory(): IdentifierFactory {
  const used = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const id = make();
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  return {
    // A UEI never starts with 0.
    uei: (rng) =>
      unique(
        () => draw(rng, ALNUM.replace('0', '')) + Array.from({ length: 11 }, () => draw(rng, ALNUM)).join(''),
      ),
    // US CAGE codes begin and end with a digit.
    cage: (rng) =>
      unique(
        () =>
          draw(rng, DIGITS) + Array.from({ length: 3 }, () => draw(rng, ALNUM)).join('') + draw(rng, DIGITS),
      ),
  };
}
