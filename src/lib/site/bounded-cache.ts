/**
 * A least-recently-used cache bounded by a size the caller gives each entry (bytes of the file it was parsed from).
 * The site build reads a province's ≈37,000 contract files; parsed and all kept they would not fit in memory, while
 * the few every page reads stay because they are used again and again.
 */
export class BoundedCache<V> {
  private entries = new Map<string, { value: V; size: number }>();
  private total = 0;
  private readonly maxSize: number;
  constructor(maxSize: number) {
    this.maxSize = maxSize;
  }

  /** The value, now the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (e === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  /** Stores a value, then drops the least recently used others until the total size fits (the new one always stays). */
  set(key: string, value: V, size: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.size;
    }
    this.entries.set(key, { value, size });
    this.total += size;
    for (const [k, e] of this.entries) {
      if (this.total <= this.maxSize || k === key) break;
      this.entries.delete(k);
      this.total -= e.size;
    }
  }

  /** Total size of what is held. */
  get size(): number {
    return this.total;
  }
}
