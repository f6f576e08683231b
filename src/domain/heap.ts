/** A binary min-heap of integers ordered by a comparison function. */
export class IndexHeap {
  private readonly items: number[] = [];

  constructor(private readonly less: (a: number, b: number) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  /** The least item, left in the heap. */
  peek(): number {
    return this.items[0]!;
  }

  push(v: number): void {
    const items = this.items;
    let i = items.length;
    items.push(v);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(v, items[parent]!)) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = v;
  }

  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= items.length) break;
        if (c + 1 < items.length && this.less(items[c + 1]!, items[c]!)) c++;
        if (!this.less(items[c]!, last)) break;
        items[i] = items[c]!;
        i = c;
      }
      items[i] = last;
    }
    return top;
  }
}
