import { z } from 'zod';
import { StartupError } from './errors.js';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const envSchema = z.object({
  SLACK_BOT_TOKEN: z.string({ error: 'is required (the Bot User OAuth Token, xoxb-…)' }).startsWith('xoxb-', 'must start with xoxb-'),
  SLACK_SIGNING_SECRET: z.string({ error: 'is required (Basic Information → Signing Secret)' }).min(1),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'must start with xapp- (an app-level token with connections:write)')),
  SLACK_API_URL: optional(z.url('must be a URL, e.g. http://127.0.0.1:4000/api/')),
  PORT: optional(z.coerce.number({ error: 'must be a port number, e.g. 3000' }).int().min(0).max(65_535)).transform((port) => port ?? 3000),
  DATABASE_URL: optional(z.string()),
  LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error'])).transform((level) => level ?? 'info'),
});

export type Config = z.infer<typeof envSchema>;

/** The one reader of process.env. An empty variable counts as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')} ${issue.message}`);
  throw new StartupError(`Pacer cannot start: fix these settings (see .env.example):\n${problems.join('\n')}`);
}
