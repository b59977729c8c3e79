import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import type { LogLevel, Logger } from '@slack/bolt';
import { pino, stdSerializers, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { currentRequest } from './request-context.js';

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

export interface LoggerOptions {
  level: LogLevelName;
  /** Readable lines instead of JSON (see `wantsPrettyLogs`); JSON by default. */
  pretty?: boolean;
  /** Values never to print (signing secret, client and state secrets, tokens), wherever they show up. */
  secrets?: readonly (string | undefined)[];
  /** Where lines go; stdout by default. */
  destination?: DestinationStream;
}

/** Slack's tokens (`xoxb-`, `xoxp-`, `xapp-`, …) by their shape, whichever workspace they belong to. */
const slackToken = /\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g;
const redacted = '[redacted]';

/** Keys whose values are secrets in Bolt's, Slack's and our own objects. */
const secretKeys = ['token', 'botToken', 'bot_token', 'userToken', 'appToken', 'signingSecret', 'clientSecret', 'client_secret', 'stateSecret', 'authorization', 'Authorization'];
const redactPaths = [...secretKeys, ...secretKeys.map((key) => `*.${key}`), ...secretKeys.map((key) => `*.*.${key}`)];

const secretKeySet = new Set(secretKeys);

/** A copy of plain objects and arrays with the values of secret keys redacted, for objects printed into a message. */
function withoutSecretKeys(value: unknown, depth: number): unknown {
  if (depth < 0 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => withoutSecretKeys(item, depth - 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, secretKeySet.has(key) ? redacted : withoutSecretKeys(item, depth - 1)]));
}

/** True when a person is reading the output: pretty lines on a terminal, JSON everywhere else and in production. */
export function wantsPrettyLogs(nodeEnv: string | undefined, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return stdout.isTTY === true && nodeEnv !== 'production';
}

/**
 * Pacer's one logger: JSON lines (one object a line, ISO time, level by name), each line
 * written during a Slack request carrying its `team_id`, `user_id` and `command`, and no
 * token or secret in any message, object or error.
 */
export function createLogger(options: LoggerOptions): PinoLogger {
  const scrub = scrubber(options.secrets ?? []);
  const destination = options.destination ?? (options.pretty ? prettyStream() : undefined);
  return pino(
    {
      name: 'pacer',
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => ({ ...currentRequest()?.fields }),
      redact: { paths: redactPaths, censor: redacted },
      serializers: {
        err: (error: Error) => {
          const serialized = stdSerializers.err(error);
          return { ...serialized, message: scrub(serialized.message), stack: scrub(serialized.stack) };
        },
      },
      hooks: {
        logMethod(args, method) {
          const clean = args.map((arg: unknown) => (typeof arg === 'string' ? scrub(arg) : arg));
          // pino's own signature: (object?, message?, ...interpolation); the hook keeps it.
          method.apply(this, clean as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

function scrubber(secrets: readonly (string | undefined)[]): (text: string) => string {
  const known = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= 6);
  const pattern = known.length > 0 ? new RegExp(known.map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : undefined;
  return (text) => {
    const withoutTokens = text.replace(slackToken, redacted);
    return pattern ? withoutTokens.replace(pattern, redacted) : withoutTokens;
  };
}

/**
 * pino-pretty, in this thread (no worker to start), when it is installed: a development
 * dependency, so an install without them (`npm ci --omit=dev`) falls back to JSON.
 */
function prettyStream(): DestinationStream | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pretty = require('pino-pretty') as typeof import('pino-pretty');
    return pretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,name' });
  } catch {
    return undefined;
  }
}

/**
 * Bolt's Logger over pino, handed to Bolt as `logger`, so Bolt, its receivers, the Web API
 * client and Pacer write the same lines. Bolt passes messages the console way
 * (`logger.error('Failed', error)`); an Error among them becomes the line's `err`.
 * https://docs.slack.dev/tools/bolt-js/concepts/logging
 */
export function boltLogger(logger: PinoLogger): Logger {
  const write =
    (level: LogLevelName) =>
    (...parts: unknown[]): void => {
      if (!logger.isLevelEnabled(level)) return;
      const error = parts.find((part): part is Error => part instanceof Error);
      const text = parts
        .filter((part) => part !== error)
        .map((part) => (typeof part === 'string' ? part : inspect(withoutSecretKeys(part, 4), { depth: 4, breakLength: Number.POSITIVE_INFINITY })))
        .join(' ');
      if (error) logger[level]({ err: error }, text || error.message);
      else logger[level](text);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (level: LogLevel) => {
      logger.level = level;
    },
    getLevel: () => logger.level as LogLevel,
    // Bolt, its receivers and the Web API client share this one logger: a name set by one of
    // them would label the others' lines too, so every line says `pacer`.
    setName: () => undefined,
  };
}
