import { SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

/**
 * Waveplan's spans, through the OpenTelemetry API only. Without an SDK registered (tracing off,
 * the default) the API hands out non-recording spans and this costs a function call.
 */
const tracer = () => trace.getTracer('waveplan');

function failed(span: Span, err: unknown): void {
  span.recordException(err instanceof Error ? err : String(err));
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
}

/** Runs work inside an active span (children attach to it), ended when work settles. */
export async function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>, kind: SpanKind = SpanKind.INTERNAL): Promise<T> {
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (err) {
      failed(span, err);
      throw err;
    } finally {
      span.end();
    }
  });
}

/**
 * A client span around a promise that was started elsewhere (a pg query): ended when the promise
 * settles. Named and described only when something records (describe is not called otherwise);
 * returns undefined then, so callers skip the bookkeeping.
 */
export function clientSpan(describe: () => { name: string; attributes: Attributes }): { settle(result: unknown): void } | undefined {
  const span = tracer().startSpan('client', { kind: SpanKind.CLIENT });
  if (!span.isRecording()) return undefined;
  const { name, attributes } = describe();
  span.updateName(name);
  span.setAttributes(attributes);
  return {
    settle(result: unknown) {
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(
          () => span.end(),
          (err: unknown) => {
            failed(span, err);
            span.end();
          },
        );
      } else span.end();
    },
  };
}

export { SpanKind };
