import client from 'prom-client';

/** Jobs of one pg-boss queue that are not finished, read from the shared database at scrape time. */
export interface QueueDepth {
  queue: string;
  /** waiting: created or retrying, not yet picked up; active: a worker holds it. */
  state: 'waiting' | 'active';
  jobs: number;
  /** Age of the oldest such job in seconds (waiting: since it was queued; active: since it started). */
  oldestSeconds: number;
}

export interface PoolUsage {
  total: number;
  idle: number;
  waiting: number;
}

/** Where a computation of a plan was asked for. */
export type PlanningSource = 'request' | 'queue';

/**
 * One instance's Prometheus registry and the Waveplan families in it. Owned by whoever builds the
 * app (never prom-client's global registry, so several apps in one process keep apart). Gauges
 * read their sources when scraped: nothing is sampled in the background.
 */
export class Metrics {
  readonly registry = new client.Registry();
  readonly planning: client.Histogram<'source' | 'outcome'>;
  readonly jobs: client.Histogram<'queue' | 'outcome'>;
  private readonly caches = new Map<string, () => number>();
  private pool?: () => PoolUsage;
  private streams?: () => number;
  private queueDepths?: () => Promise<QueueDepth[]>;
  private depthRead?: Promise<QueueDepth[]>;

  constructor() {
    const registers = [this.registry];
    this.planning = new client.Histogram({
      name: 'waveplan_planning_duration_seconds',
      help: 'Time to compute one plan version (validation, schedule, Monte Carlo, artifacts), memo hits included',
      labelNames: ['source', 'outcome'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    this.jobs = new client.Histogram({
      name: 'waveplan_queue_job_duration_seconds',
      help: 'Time this instance spent working one queued job',
      labelNames: ['queue', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    this.gauges(registers);
  }

  private gauges(registers: client.Registry[]): void {
    // collect() is called with the gauge as this: the sources are read through these.
    const caches = this.caches;
    const pool = () => this.pool?.();
    const streams = () => this.streams?.();
    const depths = () => this.readDepths();
    new client.Gauge({
      name: 'waveplan_cache_bytes',
      help: 'Memory held by each in-process cache, in bytes as the cache estimates it',
      labelNames: ['cache'],
      registers,
      collect() {
        for (const [cache, bytes] of caches) this.set({ cache }, bytes());
      },
    });
    new client.Gauge({
      name: 'waveplan_db_pool_connections',
      help: 'Connections of the PostgreSQL pool: total open, idle, and requests waiting for one',
      labelNames: ['state'],
      registers,
      collect() {
        const usage = pool();
        if (usage) for (const state of ['total', 'idle', 'waiting'] as const) this.set({ state }, usage[state]);
      },
    });
    new client.Gauge({
      name: 'waveplan_sse_streams',
      help: 'Server-Sent Event streams open on this instance',
      registers,
      collect() {
        const open = streams();
        if (open !== undefined) this.set(open);
      },
    });
    new client.Gauge({
      name: 'waveplan_queue_jobs',
      help: 'Unfinished jobs of each queue, from the database every instance shares',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const d of await depths()) this.set({ queue: d.queue, state: d.state }, d.jobs);
      },
    });
    new client.Gauge({
      name: 'waveplan_queue_oldest_job_age_seconds',
      help: 'Age of the oldest unfinished job of each queue (waiting: since queued; active: since started)',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const d of await depths()) this.set({ queue: d.queue, state: d.state }, d.oldestSeconds);
      },
    });
  }

  /** One database read per scrape, shared by the two queue families (a scrape collects them together). */
  private readDepths(): Promise<QueueDepth[]> {
    if (!this.queueDepths) return Promise.resolve([]);
    this.depthRead ??= this.queueDepths()
      .catch(() => [])
      .finally(() => (this.depthRead = undefined));
    return this.depthRead;
  }

  /** Reports a cache's size under waveplan_cache_bytes{cache=name}. */
  addCache(name: string, bytes: () => number): void {
    this.caches.set(name, bytes);
  }

  watchPool(usage: () => PoolUsage): void {
    this.pool = usage;
  }

  watchStreams(open: () => number): void {
    this.streams = open;
  }

  watchQueues(depths: () => Promise<QueueDepth[]>): void {
    this.queueDepths = depths;
  }

  /** Times work into a histogram with outcome ok or error. */
  static async timed<T>(histogram: client.Histogram<string>, labels: Record<string, string>, work: () => Promise<T>): Promise<T> {
    const end = histogram.startTimer(labels);
    try {
      const result = await work();
      end({ outcome: 'ok' });
      return result;
    } catch (err) {
      end({ outcome: 'error' });
      throw err;
    }
  }
}
