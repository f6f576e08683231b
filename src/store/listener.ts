import pg from 'pg';

export type Unlisten = () => Promise<void>;

export interface Listener {
  /** Calls onNotify with each payload sent on channel; onResume after a lost connection is back (notifications may have been missed). */
  listen(channel: string, onNotify: (payload: string) => void, onResume?: () => void): Promise<Unlisten>;
  close(): Promise<void>;
}

/**
 * LISTEN on one dedicated connection (outside the pool, which must not hold a connection
 * forever), reconnecting with backoff after PostgreSQL drops it; each channel is listened to once
 * however many subscribers it has.
 */
export function postgresListener(url: string, onError: (err: Error) => void = () => undefined): Listener {
  const subscribers = new Map<string, Set<{ onNotify: (p: string) => void; onResume?: () => void }>>();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  let retryMs = 250;

  const connect = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 5_000, application_name: 'waveplan-listener' });
      c.on('error', (err) => {
        onError(err);
        lost(c);
      });
      c.on('end', () => lost(c));
      c.on('notification', (n) => {
        for (const s of subscribers.get(n.channel) ?? []) s.onNotify(n.payload ?? '');
      });
      await c.connect();
      for (const channel of subscribers.keys()) await c.query(`listen ${pg.escapeIdentifier(channel)}`);
      client = c;
      retryMs = 250;
      return c;
    })().finally(() => (connecting = undefined));
    return connecting;
  };

  const lost = (c: pg.Client) => {
    if (client !== c && client !== undefined) return;
    client = undefined;
    void c.end().catch(() => undefined);
    if (closed || subscribers.size === 0) return;
    const wait = retryMs;
    retryMs = Math.min(retryMs * 2, 10_000);
    setTimeout(() => {
      if (closed) return;
      connect()
        .then(() => {
          for (const set of subscribers.values()) for (const s of set) s.onResume?.();
        })
        .catch((err: Error) => {
          onError(err);
          lost(c);
        });
    }, wait).unref();
  };

  return {
    async listen(channel, onNotify, onResume) {
      const sub = { onNotify, ...(onResume ? { onResume } : {}) };
      let set = subscribers.get(channel);
      const first = !set;
      if (!set) subscribers.set(channel, (set = new Set()));
      set.add(sub);
      if (first && client) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      else if (!client) await connect().catch((err: Error) => onError(err));
      return async () => {
        set.delete(sub);
        if (set.size === 0) {
          subscribers.delete(channel);
          await client?.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
        }
      };
    },
    async close() {
      closed = true;
      subscribers.clear();
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
