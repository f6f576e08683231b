import { LRUCache } from 'lru-cache';

export interface BoundedCacheOptions<V> {
  /** Memory the cache may hold, in bytes, as sizeOf estimates it. */
  maxBytes: number;
  /** Estimated bytes of one entry (the value's retained size, not only its text). */
  sizeOf: (value: V, key: string) => number;
  /** Entries older than this are read again. */
  ttlMs?: number;
}

/**
 * The one way Waveplan caches: an LRU bounded by bytes, not by count (a count says nothing about
 * memory when one plan is 2 KB and another 30 MB). Owned by whoever creates it — an app, a
 * planner, a database handle — never module-global.
 */
export function boundedCache<V extends NonNullable<unknown>>(o: BoundedCacheOptions<V>): LRUCache<string, V> {
  return new LRUCache<string, V>({
    maxSize: o.maxBytes,
    // lru-cache refuses sizes below 1 and entries larger than the whole cache are simply not kept.
    sizeCalculation: (value, key) => Math.max(1, Math.ceil(o.sizeOf(value, key))),
    ...(o.ttlMs ? { ttl: o.ttlMs } : {}),
  });
}
