// Healthchecks' per-character widths (hc/lib/badges.py), in pixels of 11 px Verdana. Only
// these exact numbers make a badge the same size as the one Healthchecks draws.
const WIDTHS: Record<string, number> = {
  a: 7, b: 7, c: 6, d: 7, e: 6, f: 4, g: 7, h: 7, i: 3, j: 3, k: 7, l: 3, m: 10,
  n: 7, o: 7, p: 7, q: 7, r: 4, s: 6, t: 5, u: 7, v: 7, w: 9, x: 6, y: 7, z: 7,
  "0": 7, "1": 6, "2": 7, "3": 7, "4": 7, "5": 7, "6": 7, "7": 7, "8": 7, "9": 7,
  A: 8, B: 7, C: 8, D: 8, E: 7, F: 6, G: 9, H: 8, I: 3, J: 4, K: 7, L: 6, M: 10,
  N: 8, O: 9, P: 6, Q: 9, R: 7, S: 7, T: 7, U: 8, V: 8, W: 11, X: 7, Y: 7, Z: 7,
  "-": 4, _: 6,
};
const DEFAULT_WIDTH = 7;

/** The text's width in pixels (Healthchecks' get_width): unknown characters count 7. */
export function getTextWidth(text: string): number {
  let total = 0;
  // for..of walks code points, as Python does, so an emoji counts once, not per surrogate.
  for (const c of text) total += Object.hasOwn(WIDTHS, c) ? WIDTHS[c] : DEFAULT_WIDTH;
  return total;
}
