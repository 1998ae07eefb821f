/**
 * Finds which of many literal keywords occur in a text, in one pass: at each position a 64 KB table says whether the
 * two characters there start any keyword, and only then are the few keywords with that start compared. Exact (every
 * occurrence of every keyword is seen), linear in the text, and several times cheaper than a regex alternation or
 * one `includes` per keyword.
 */
export class KeywordIndex {
  private readonly table = new Uint8Array(65536);
  private readonly byBigram = new Map<number, string[]>();
  private readonly short: string[] = [];

  constructor(keywords: Iterable<string>) {
    for (const k of new Set(keywords)) {
      if (k.length < 2) {
        if (k.length === 1) this.short.push(k);
        continue;
      }
      const key = (k.charCodeAt(0) << 16) | k.charCodeAt(1);
      const list = this.byBigram.get(key);
      if (list) list.push(k);
      else this.byBigram.set(key, [k]);
      this.table[hash(k.charCodeAt(0), k.charCodeAt(1))] = 1;
    }
  }

  /** The keywords present in `text`. */
  find(text: string): Set<string> {
    const found = new Set<string>();
    for (const k of this.short) if (text.includes(k)) found.add(k);
    const table = this.table;
    const last = text.length - 1;
    let c0 = text.charCodeAt(0);
    for (let i = 0; i < last; i++) {
      const c1 = text.charCodeAt(i + 1);
      if (table[hash(c0, c1)] === 1) {
        const list = this.byBigram.get((c0 << 16) | c1);
        if (list) for (const k of list) if (!found.has(k) && text.startsWith(k, i)) found.add(k);
      }
      c0 = c1;
    }
    return found;
  }
}

function hash(c0: number, c1: number): number {
  return ((c0 << 7) ^ c1) & 0xffff;
}
