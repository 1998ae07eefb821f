/**
 * A WeakMap-like cache that keeps each value on its key object, under a private symbol, so the value lives exactly as
 * long as the key.
 *
 * Per-scan caches keyed by an IaC model or resource must not be WeakMaps: V8's young-generation collector treats a
 * WeakMap's values as reachable, so each cached value — and the syntax tree it points into — survived every scavenge
 * and was promoted to the old generation. On a 2,000-line Terraform file that made every few rescans pause 10 ms.
 */
export class OwnedCache<K extends object, V> {
  private readonly slot = Symbol('genai-guard cache');

  get(key: K): V | undefined {
    return (key as unknown as Record<symbol, V | undefined>)[this.slot];
  }

  has(key: K): boolean {
    return Object.prototype.hasOwnProperty.call(key, this.slot);
  }

  set(key: K, value: V): this {
    // A symbol key: invisible to JSON, Object.keys and for…in. A plain assignment is several times cheaper than
    // defineProperty, and caches are set once per model or resource per scan.
    (key as unknown as Record<symbol, V>)[this.slot] = value;
    return this;
  }
}
