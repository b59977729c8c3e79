import { z } from 'zod';
import { StartupError } from './errors.js';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const oauthVariables = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

const envSchema = z
  .object({
    SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'must start with xoxb-')),
    SLACK_SIGNING_SECRET: z.string({ error: 'is required (Basic Information → Signing Secret)' }).min(1),
    SLACK_CLIENT_ID: optional(z.string()),
    SLACK_CLIENT_SECRET: optional(z.string()),
    // It signs the OAuth state that guards /slack/oauth_redirect against forged installs.
    SLACK_STATE_SECRET: optional(z.string().min(16, 'must be at least 16 characters, e.g. from `openssl rand -hex 32`')),
    SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'must start with xapp- (an app-level token with connections:write)')),
    SLACK_API_URL: optional(z.url('must be a URL, e.g. http://127.0.0.1:4000/api/')),
    PORT: optional(z.coerce.number({ error: 'must be a port number, e.g. 3000' }).int().min(0).max(65_535)).transform((port) => port ?? 3000),
    DATABASE_URL: optional(z.string()),
    LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error'])).transform((level) => level ?? 'info'),
    // `production`: logs are JSON lines even on a terminal (elsewhere a terminal gets readable lines).
    NODE_ENV: optional(z.string()),
  })
  .superRefine(
    (env, ctx) => {
      const given = oauthVariables.filter((name) => env[name] !== undefined);
      const problem = (name: string, message: string) => ctx.addIssue({ code: 'custom', path: [name], message });
      if (given.length === 0) {
        if (env.SLACK_BOT_TOKEN === undefined) {
          problem('SLACK_BOT_TOKEN', `is required (the Bot User OAuth Token, xoxb-…), unless ${oauthVariables.join(', ')} are set to install Pacer in many workspaces`);
        }
        return;
      }
      for (const name of oauthVariables.filter((name) => !given.includes(name))) {
        problem(name, `is required with ${given.join(' and ')}: the OAuth install needs all of ${oauthVariables.join(', ')} (Basic Information → App Credentials), or none of them`);
      }
      if (env.SLACK_APP_TOKEN !== undefined) {
        problem('SLACK_APP_TOKEN', 'cannot be used with the OAuth install: it is served over HTTP at /slack/install; leave SLACK_APP_TOKEN empty');
      }
    },
    // Report a missing credential together with any malformed variable, not one run later.
    { when: () => true },
  )
  .transform(({ SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, ...env }) => ({
    ...env,
    /** Set: many workspaces, each installed through /slack/install. Unset: the one workspace of SLACK_BOT_TOKEN. */
    oauth:
      SLACK_CLIENT_ID && SLACK_CLIENT_SECRET && SLACK_STATE_SECRET
        ? { clientId: SLACK_CLIENT_ID, clientSecret: SLACK_CLIENT_SECRET, stateSecret: SLACK_STATE_SECRET }
        : undefined,
  }));

type ParsedEnv = z.infer<typeof envSchema>;

/** Either the one workspace of SLACK_BOT_TOKEN, or the OAuth install for many. */
export type Config = Omit<ParsedEnv, 'SLACK_BOT_TOKEN' | 'oauth'> &
  (
    | { SLACK_BOT_TOKEN: string; oauth: undefined }
    | { SLACK_BOT_TOKEN: string | undefined; oauth: NonNullable<ParsedEnv['oauth']> }
  );

/** The one reader of process.env. An empty variable counts as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) {
    const { SLACK_BOT_TOKEN, oauth, ...rest } = parsed.data;
    if (oauth) return { ...rest, SLACK_BOT_TOKEN, oauth };
    // The refinement above guarantees a bot token whenever OAuth is not configured.
    if (SLACK_BOT_TOKEN !== undefined) return { ...rest, SLACK_BOT_TOKEN, oauth };
  }
  const issues = parsed.success ? [] : parsed.error.issues;
  const problems = issues.map((issue) => `  ${issue.path.join('.')} ${issue.message}`);
  throw new StartupError(`Pacer cannot start: fix these settings (see .env.example):\n${problems.join('\n')}`);
}

/** DATABASE_URL alone, for commands that need the database and not Slack (`npm run schedule`). */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.DATABASE_URL?.trim();
  return value === '' ? undefined : value;
}
