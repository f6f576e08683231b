/**
 * Which keys of a source document an importer read, so that the rest can be listed in the
 * import notes: nothing of the source is dropped without a word. Paths are JSON pointers with
 * list indices written as "*", so a key read in one list item counts for every item.
 */
import { isObject } from './source-values.js';

/** A JSON pointer with every list index replaced by "*": /tasks/3/id → /tasks/* /id. */
export function pattern(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

export class KeyLedger {
  private readonly used = new Set<string>();

  /** Marks a key (and everything under it) as read. */
  use(pointer: string): void {
    this.used.add(pattern(pointer));
  }

  /** True when the key or one of its parents was read. */
  covers(p: string): boolean {
    for (let q = p; q !== ''; q = q.slice(0, q.lastIndexOf('/'))) if (this.used.has(q)) return true;
    return false;
  }

  /** The read patterns, sorted. */
  usedPatterns(): string[] {
    return [...this.used].sort();
  }

  /**
   * The keys of `root` nothing read, as patterns: a section none of whose keys was read is
   * named once, not key by key.
   */
  unused(root: unknown): string[] {
    const touched = new Set<string>();
    for (const u of this.used) for (let q = u; q !== ''; q = q.slice(0, q.lastIndexOf('/'))) touched.add(q);
    const out = new Set<string>();
    const walk = (value: unknown, p: string) => {
      const children: [string, unknown][] = Array.isArray(value) ? value.map((v) => ['*', v]) : isObject(value) ? Object.entries(value) : [];
      for (const [key, child] of children) {
        const cp = pattern(`${p}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        if (this.covers(cp)) continue;
        if (touched.has(cp)) walk(child, cp);
        else out.add(cp);
      }
    };
    walk(root, '');
    return [...out].sort();
  }
}
