import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, ConsoleSpanExporter, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface TracingOptions {
  /** 'otlp': OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (the exporter reads the OTEL_* variables); 'console': stdout. */
  exporter: 'otlp' | 'console' | SpanExporter;
  serviceName?: string;
}

export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * The OpenTelemetry SDK, registered as the global tracer provider (with async-hooks context, so
 * a DB span is the child of the planning or job span it runs in). Imported only when tracing is
 * on: with TRACING=off none of these modules is loaded.
 */
export async function startTracing(o: TracingOptions): Promise<Tracing> {
  const exporter =
    o.exporter === 'otlp' ? new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter() : o.exporter === 'console' ? new ConsoleSpanExporter() : o.exporter;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': o.serviceName ?? process.env.OTEL_SERVICE_NAME ?? 'waveplan' }),
    // A given exporter (tests) sees each span at once; real ones get batches.
    spanProcessors: [typeof o.exporter === 'string' ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter)],
  });
  provider.register();
  return {
    shutdown: async () => {
      await provider.shutdown();
    },
  };
}
