/**
 * Finds which of many literal keywords occur in a text, in one pass: at each position a table indexed by a hash of the
 * two characters there gives the few keywords that may start there, and only those are compared. Exact (every
 * occurrence of every keyword is seen), linear in the text, and several times cheaper than a regex alternation or
 * one `includes` per keyword.
 */
export class KeywordIndex {
  /** By bigram hash: the keywords starting with a bigram of that hash (collisions share a list; `startsWith` decides). */
  private readonly table: (string[] | undefined)[] = new Array<string[] | undefined>(65536).fill(undefined);
  private readonly short: string[] = [];

  constructor(keywords: Iterable<string>) {
    for (const k of new Set(keywords)) {
      if (k.length < 2) {
        if (k.length === 1) this.short.push(k);
        continue;
      }
      const h = hash(k.charCodeAt(0), k.charCodeAt(1));
      const list = this.table[h];
      if (list) list.push(k);
      else this.table[h] = [k];
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
      const list = table[hash(c0, c1)];
      if (list !== undefined) for (let j = 0; j < list.length; j++) if (text.startsWith(list[j]!, i)) found.add(list[j]!);
      c0 = c1;
    }
    return found;
  }
}

function hash(c0: number, c1: number): number {
  return ((c0 << 7) ^ c1) & 0xffff;
}
