/**
 * NFKC normalisation with an offset map, so detectors see ASCII digits and brackets where the user typed full-width
 * ones (common in Hong Kong and mainland Chinese text) while every reported offset still points into the original.
 *
 * Each code point is normalised on its own (combining sequences are rare in identifiers and per-code-point mapping
 * keeps the map exact). ASCII-only text is returned as is, with no map.
 */
export interface Normalized {
  text: string;
  /** Original start offset for each UTF-16 unit of `text`; undefined when `text` is the original. */
  srcStart?: Int32Array;
  /** Original end offset (exclusive) for each UTF-16 unit of `text`. */
  srcEnd?: Int32Array;
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

const SURROGATE = /[\ud800-\udfff]/;

export function normalize(original: string): Normalized {
  if (!NON_ASCII.test(original)) return { text: original };
  // Already NFKC (most CJK text): every code point is then its own normal form and, without surrogate pairs (whose
  // two units both map to the whole pair), the offset map would be the identity.
  if (!SURROGATE.test(original) && original.normalize('NFKC') === original) return { text: original };
  // Pass 1: the normal form of each non-ASCII code point (ASCII maps to itself), and the output length.
  const at: number[] = [];
  const widths: number[] = [];
  const pieces: string[] = [];
  const n = original.length;
  let total = 0;
  for (let i = 0; i < n; ) {
    if (original.charCodeAt(i) < 0x80) {
      total++;
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let piece = original.slice(i, i + width);
    // Lone surrogates cannot be normalised; keep them as they are. Characters whose compatibility form changes the
    // length (㈱ → (株)) are still mapped: every produced unit points at the whole source code point.
    if (!(cp >= 0xd800 && cp <= 0xdfff)) piece = piece.normalize('NFKC');
    at.push(i);
    widths.push(width);
    pieces.push(piece);
    total += piece.length;
    i += width;
  }
  // Pass 2: ASCII runs are copied whole; the map is written straight into its typed arrays.
  const srcStart = new Int32Array(total);
  const srcEnd = new Int32Array(total);
  const chunks: string[] = [];
  let o = 0;
  let prev = 0;
  const run = (from: number, to: number): void => {
    if (to <= from) return;
    chunks.push(original.slice(from, to));
    for (let k = from; k < to; k++, o++) {
      srcStart[o] = k;
      srcEnd[o] = k + 1;
    }
  };
  for (let j = 0; j < pieces.length; j++) {
    const from = at[j]!;
    const width = widths[j]!;
    const piece = pieces[j]!;
    run(prev, from);
    chunks.push(piece);
    for (let k = 0; k < piece.length; k++, o++) {
      srcStart[o] = from;
      srcEnd[o] = from + width;
    }
    prev = from + width;
  }
  run(prev, n);
  return { text: chunks.join(''), srcStart, srcEnd };
}

/** Maps a span of the normalised text back to the original text (UTF-16, end exclusive). */
export function toOriginal(norm: Normalized, start: number, end: number): [number, number] {
  if (!norm.srcStart || !norm.srcEnd) return [start, end];
  if (end <= start) {
    const s = start < norm.srcStart.length ? norm.srcStart[start]! : norm.srcEnd[norm.srcEnd.length - 1] ?? 0;
    return [s, s];
  }
  return [norm.srcStart[start]!, norm.srcEnd[end - 1]!];
}
