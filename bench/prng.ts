/**
 * A seeded pseudo-random generator for the bench's workbooks: the same seed gives the same
 * workbook on every run and machine, so every figure but CPU and memory repeats.
 */

/** mulberry32 (Tommy Ettinger's 32-bit generator): numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A whole number in [0, n). */
export function below(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}

/** One seed from several whole numbers (a case's size, a day's index, …), so streams do not overlap. */
export function mixSeed(...parts: readonly number[]): number {
  let hash = 2_166_136_261;
  for (const part of parts) {
    hash ^= part >>> 0;
    hash = Math.imul(hash, 16_777_619) >>> 0;
  }
  return hash;
}
