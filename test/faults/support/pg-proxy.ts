import net from 'node:net';

export type ProxyMode = 'pass' | 'blackhole' | 'slow';

/**
 * A TCP proxy between the service and PostgreSQL that misbehaves on demand, as networks do:
 * - reset(): every open connection is torn down with a RST (a restart, a failover);
 * - mode 'blackhole': nothing is forwarded either way, and new connections are accepted but never
 *   answered (a partition, a dead switch);
 * - sever(): open connections go silent for good, without FIN or RST; new ones work (a NAT table flush);
 * - mode 'slow': every chunk is held for delayMs (a congested link).
 */
export class PgProxy {
  private server: net.Server;
  private pairs = new Set<{ client: net.Socket; upstream: net.Socket; severed: boolean }>();
  mode: ProxyMode = 'pass';
  delayMs = 0;
  port = 0;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {
    this.server = net.createServer((client) => this.accept(client));
  }

  static async start(targetUrl: string): Promise<PgProxy> {
    const u = new URL(targetUrl);
    const proxy = new PgProxy(u.hostname, Number(u.port || 5432));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    proxy.port = (proxy.server.address() as net.AddressInfo).port;
    return proxy;
  }

  /** The URL of a database reached through the proxy. */
  url(databaseUrl: string): string {
    const u = new URL(databaseUrl);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  get connections(): number {
    return this.pairs.size;
  }

  private accept(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    const pair = { client, upstream, severed: false };
    this.pairs.add(pair);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk) => {
        if (pair.severed || this.mode === 'blackhole') return;
        if (this.mode === 'slow' && this.delayMs > 0) setTimeout(() => to.writable && to.write(chunk), this.delayMs);
        else if (to.writable) to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const drop = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  }

  reset(): void {
    for (const p of this.pairs) {
      p.client.resetAndDestroy();
      p.upstream.destroy();
    }
    this.pairs.clear();
  }

  sever(): void {
    for (const p of this.pairs) p.severed = true;
  }

  async close(): Promise<void> {
    this.reset();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
