import { LRUCache } from 'lru-cache';

/**
 * Response bodies of plan versions, kept in memory by key. A version never changes once
 * stored, so a body cached under its (plan, version) key is right for every instance that
 * shares the database; only "which version is latest" has to be asked of PostgreSQL.
 * Concurrent misses for one key share a single load.
 */
export class VersionBodyCache {
  private readonly lru: LRUCache<string, Buffer, () => Promise<Buffer>>;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.lru = new LRUCache<string, Buffer, () => Promise<Buffer>>({
      maxSize: maxBytes,
      sizeCalculation: (body, key) => body.byteLength + key.length,
      fetchMethod: async (_key, _stale, { context }) => context(),
    });
  }

  /** The body under key, loading (and keeping) it when absent. */
  async get(key: string, load: () => Promise<Buffer>): Promise<Buffer> {
    const body = await this.lru.fetch(key, { context: load });
    return body as Buffer;
  }

  get size(): number {
    return this.lru.size;
  }

  /** Bytes held (bodies and keys). */
  get bytes(): number {
    return this.lru.calculatedSize;
  }
}
