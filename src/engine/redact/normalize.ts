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
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  const n = original.length;
  while (i < n) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let piece: string;
    if (cp < 0x80) piece = original[i]!;
    else {
      piece = original.slice(i, i + width);
      // Lone surrogates cannot be normalised; keep them as they are.
      if (!(cp >= 0xd800 && cp <= 0xdfff)) piece = piece.normalize('NFKC');
      // Characters whose compatibility form changes the length of an identifier fundamentally (e.g. ㈱ → (株))
      // are still mapped; every produced unit points at the whole source code point.
    }
    out += piece;
    for (let k = 0; k < piece.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  return { text: out, srcStart: Int32Array.from(starts), srcEnd: Int32Array.from(ends) };
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
