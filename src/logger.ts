import { createRequire } from 'node:module';
import pino from 'pino';

/** True when pino-pretty (a dev dependency) is installed: a production image has pruned it. */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * JSON lines, except on a terminal in development where pino-pretty is installed. A terminal
 * attached to a production container (docker run -it) gets JSON too: the image has no dev
 * dependencies, and nothing at run time may need one.
 */
export function loggerOptions(level: string, env: NodeJS.ProcessEnv = process.env, isTTY = process.stdout.isTTY === true) {
  if (isTTY && env.NODE_ENV !== 'production' && prettyAvailable()) {
    return { level, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l' } } };
  }
  // Lines are written from libuv's thread pool, not by the request's thread (pino flushes what is left on exit).
  return { level, stream: pino.destination({ dest: 1, sync: false }) };
}

/** The process's logger, from the same options (the app logs through it too); destination replaces stdout (tests read the lines). */
export function createLogger(level: string, env: NodeJS.ProcessEnv = process.env, isTTY = process.stdout.isTTY === true, destination?: pino.DestinationStream): pino.Logger {
  if (destination) return pino({ level }, destination);
  const options = loggerOptions(level, env, isTTY);
  return 'stream' in options ? pino({ level: options.level }, options.stream) : pino(options);
}
