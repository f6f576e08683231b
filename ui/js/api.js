// @ts-check
// The Waveplan API as the page uses it: JSON with the user's API key, and the event stream.

const KEY = 'waveplan.apiKey';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY) ?? '',
  /** @param {string} v */
  set: (v) => (v ? sessionStorage.setItem(KEY, v) : sessionStorage.removeItem(KEY)),
};

/** A non-2xx answer: its status and the error body (RFC 9457 problem details with code and details). */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {Partial<import('../types.js').ProblemJson> | null} body
   */
  constructor(status, body) {
    super(body?.detail ?? body?.message ?? `the server answered ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** @returns {Record<string, string>} */
export const authHeaders = () => {
  const key = apiKey.get();
  return key ? { authorization: `Bearer ${key}` } : {};
};

/**
 * @param {string} path
 * @param {RequestInit & { headers?: Record<string, string> }} [init]
 * @returns {Promise<any>} the parsed JSON body
 */
export async function api(path, init = {}) {
  const res = await fetch(path, { ...init, headers: { accept: 'application/json, application/problem+json', ...authHeaders(), ...(init.headers ?? {}) } });
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { message: text };
  }
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

/**
 * Server-Sent Events read through fetch, because EventSource cannot send the Authorization
 * header. Reconnects with Last-Event-ID, so no event is missed or repeated. Returns close().
 * @param {string} path
 * @param {(event: string, data: any) => void} onEvent
 * @param {(state: 'live' | 'reconnecting' | 'off') => void} onState
 * @returns {() => void}
 */
export function eventStream(path, onEvent, onState) {
  const control = new AbortController();
  let lastId = '';
  let stopped = false;

  /** @param {string} block */
  const dispatch = (block) => {
    let event = 'message';
    /** @type {string[]} */
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') lastId = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) onEvent(event, JSON.parse(data.join('\n')));
  };

  const connect = async () => {
    while (!stopped) {
      try {
        const res = await fetch(path, {
          headers: { accept: 'text/event-stream', ...authHeaders(), ...(lastId ? { 'last-event-id': lastId } : {}) },
          signal: control.signal,
        });
        if (!res.ok || !res.body) throw new ApiError(res.status, null);
        onState('live');
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          /** @type {number} */
          let cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            dispatch(buffer.slice(0, cut));
            buffer = buffer.slice(cut + 2);
          }
        }
      } catch (err) {
        if (stopped) return;
        if (err instanceof ApiError && err.status >= 400 && err.status < 500) {
          onState('off');
          return;
        }
      }
      if (stopped) return;
      onState('reconnecting');
      await new Promise((r) => setTimeout(r, 2000));
    }
  };
  void connect();
  return () => {
    stopped = true;
    control.abort();
  };
}

/**
 * A resource that is not JSON (Markdown, SVG), with the API key: its text.
 * @param {string} path
 * @param {string} accept its media type
 * @returns {Promise<string>}
 */
export async function apiText(path, accept) {
  const res = await fetch(path, { headers: { accept: `${accept}, application/problem+json`, ...authHeaders() } });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
  return res.text();
}
