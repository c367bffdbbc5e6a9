import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';
import { env } from '../env';
import { redactLogObject, scrubSecrets } from './redact';
import { requestContext } from './request-context';

export type { Logger };

/*
 * One root logger per process, on globalThis: Next.js bundles route code apart from server/,
 * and both must write through the same stream (and the same redaction).
 */
const globalForLog = globalThis as unknown as { __portholeLog?: Logger };

/** pino-pretty is a development convenience: production never needs it installed. */
function prettyStream(): DestinationStream | undefined {
  try {
    const require = createRequire(__filename);
    const pretty = require('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return undefined;
  }
}

/**
 * From `params: ` to the next stack frame, `caused by:` or the end: a parameter may be a
 * buffer (a recording's bytes) or text with line breaks, so it is not one line.
 */
const QUERY_PARAMS = /^params: [\s\S]*?(?=\n {4}at |\ncaused by: |(?![\s\S]))/gm;

/**
 * pino's error shape, minus a failed query's parameters (they may be credentials, hashes or
 * what a user typed): drizzle puts them in a property and in the message and stack too.
 */
function serializeError(error: Error): object {
  const { params: _params, ...rest } = pino.stdSerializers.err(error) as ReturnType<typeof pino.stdSerializers.err> & { params?: unknown };
  for (const key of ['message', 'stack'] as const) {
    if (typeof rest[key] === 'string') rest[key] = rest[key].replace(QUERY_PARAMS, 'params: [redacted]');
  }
  return rest;
}

/** A configuration that does not parse still gets its one-line complaint logged. */
function logConfig(): { logLevel: string; isDev: boolean } {
  try {
    return env();
  } catch {
    return { logLevel: 'info', isDev: false };
  }
}

function createLogger(destination?: DestinationStream): Logger {
  const config = logConfig();
  return pino(
    {
      level: config.logLevel,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Every line written while a request is handled carries its id, whoever writes it.
      mixin: () => {
        const context = requestContext().getStore();
        return context ? { reqId: context.reqId } : {};
      },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactLogObject(object),
      },
      serializers: { err: serializeError },
      // The last word on every line, whatever a caller or a library put into it.
      hooks: { streamWrite: scrubSecrets },
    },
    destination ?? (config.isDev ? prettyStream() : undefined) ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** The process's logger. Give a session or request its own with `.child({ sessionId })`. */
export function log(): Logger {
  globalForLog.__portholeLog ??= createLogger();
  return globalForLog.__portholeLog;
}

/** Sends every later line to `destination` (tests capture it; loggers made before keep theirs). */
export function setLogDestination(destination: DestinationStream | undefined): void {
  globalForLog.__portholeLog = createLogger(destination);
}
