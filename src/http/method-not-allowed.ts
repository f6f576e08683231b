import type { FastifyInstance } from 'fastify';

/**
 * The methods each registered path accepts, so that a request for a path that exists with
 * another method is answered 405 with Allow (RFC 9110 §15.5.6) rather than 404.
 */
export class RouteMethods {
  private readonly routes: { pattern: RegExp; methods: Set<string> }[] = [];
  private readonly byUrl = new Map<string, { pattern: RegExp; methods: Set<string> }>();

  watch(app: FastifyInstance): void {
    app.addHook('onRoute', (route) => {
      if (route.url.includes('*')) return;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      let entry = this.byUrl.get(route.url);
      if (!entry) {
        const source = route.url
          .split('/')
          .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('/');
        entry = { pattern: new RegExp(`^${source}/?$`), methods: new Set() };
        this.byUrl.set(route.url, entry);
        this.routes.push(entry);
      }
      for (const m of methods) entry.methods.add(m.toUpperCase());
    });
  }

  /** The methods the path accepts, or [] when no route has it. */
  allowed(path: string): string[] {
    const methods = new Set<string>();
    for (const r of this.routes) if (r.pattern.test(path)) for (const m of r.methods) methods.add(m);
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  }
}
