// A bounded cache of recently used values for the store writer: two generations instead of a strict LRU.

/**
 * Recently used values stay; the rest are forgotten a generation later. A strict LRU on a Map
 * (delete and re-insert on every hit, evict keys().next()) costs more than it saves: the Map's
 * deleted slots pile up at its front and every eviction walks over them. Here a hit in the old
 * generation moves the value to the young one, and when the young one is full it becomes the
 * old one and the old one is dropped: O(1) per use, at most `size` values held.
 */
export class RecentCache<V, K = string> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: K, v: V): void {
    this.young.set(key, v);
    if (this.young.size >= this.size / 2) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
