import type { Logger as PinoLogger } from 'pino';
import type { Config } from './config.js';
import { PacerError, StartupError } from './errors.js';
import { createLogger } from './observability/logger.js';

/** Pacer's logger for `npm start`, in whichever thread writes: no secret of `config` in any line. */
export function pacerLogger(config: Config, pretty: boolean): PinoLogger {
  return createLogger({
    level: config.LOG_LEVEL,
    pretty,
    secrets: [config.SLACK_SIGNING_SECRET, config.SLACK_BOT_TOKEN, config.SLACK_APP_TOKEN, config.oauth?.clientSecret, config.oauth?.stateSecret, passwordOf(config.DATABASE_URL)],
  });
}

/** The one line a failed start prints: ours say what to do as they are; anything else is named as a failed start. */
export function startupFailureLine(error: unknown): string {
  if (error instanceof StartupError || error instanceof PacerError) return error.message;
  return `Pacer could not start: ${error instanceof Error ? error.message : String(error)}`;
}

/** A PostgreSQL URL's password, kept out of every log line. */
function passwordOf(url: string | undefined): string | undefined {
  return url && URL.canParse(url) ? decodeURIComponent(new URL(url).password) || undefined : undefined;
}
