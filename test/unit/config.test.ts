import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { StartupError } from '../../src/errors.js';

const base = { SLACK_SIGNING_SECRET: 'signing-secret' };
const botToken = { SLACK_BOT_TOKEN: 'xoxb-1-2-3' };
const oauth = { SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'state-secret-0123456789' };
const oauthNames = Object.keys(oauth) as (keyof typeof oauth)[];

/** The names the error message complains about, one a line, in order. */
function complaints(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(StartupError);
    return (error as Error).message.split('\n').slice(1).map((line) => /^ {2}(\w+) /.exec(line)?.[1] ?? line);
  }
  throw new Error('loadConfig accepted the settings');
}

function message(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted the settings');
}

describe('loadConfig: one workspace or many', () => {
  it('SLACK_BOT_TOKEN alone serves one workspace', () => {
    expect(loadConfig({ ...base, ...botToken })).toMatchObject({ SLACK_BOT_TOKEN: 'xoxb-1-2-3', oauth: undefined, PORT: 3000 });
  });

  it('the three OAuth variables alone serve many workspaces', () => {
    expect(loadConfig({ ...base, ...oauth })).toMatchObject({
      SLACK_BOT_TOKEN: undefined,
      oauth: { clientId: '1111.2222', clientSecret: 'client-secret', stateSecret: 'state-secret-0123456789' },
    });
  });

  it('with the OAuth variables set, SLACK_BOT_TOKEN may stay (main.ts warns that it is ignored)', () => {
    expect(loadConfig({ ...base, ...botToken, ...oauth })).toMatchObject({ SLACK_BOT_TOKEN: 'xoxb-1-2-3', oauth: { clientId: '1111.2222' } });
  });

  it('empty OAuth variables count as unset', () => {
    const empty = { SLACK_CLIENT_ID: '', SLACK_CLIENT_SECRET: ' ', SLACK_STATE_SECRET: '' };
    expect(loadConfig({ ...base, ...botToken, ...empty }).oauth).toBeUndefined();
    expect(complaints({ ...base, ...empty, SLACK_BOT_TOKEN: '' })).toEqual(['SLACK_BOT_TOKEN']);
  });

  it('neither a bot token nor OAuth: names SLACK_BOT_TOKEN and the OAuth alternative', () => {
    expect(complaints(base)).toEqual(['SLACK_BOT_TOKEN']);
    expect(message(base)).toContain('SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET');
  });

  const partialSets = oauthNames.flatMap((a, i) => [[a], ...oauthNames.slice(i + 1).map((b) => [a, b])]);
  it.each(partialSets.map((given) => [given.join(' + '), given] as const))('%s alone names exactly what is missing, bot token or not', (_label, given) => {
    const env = Object.fromEntries(given.map((name) => [name, oauth[name]]));
    const missing = oauthNames.filter((name) => !given.includes(name));
    expect(complaints({ ...base, ...env })).toEqual(missing);
    expect(complaints({ ...base, ...botToken, ...env })).toEqual(missing);
  });

  it.each([
    ['a short SLACK_STATE_SECRET', { ...oauth, SLACK_STATE_SECRET: 'short' }, ['SLACK_STATE_SECRET']],
    ['Socket Mode with OAuth', { ...oauth, SLACK_APP_TOKEN: 'xapp-1' }, ['SLACK_APP_TOKEN']],
    ['a malformed bot token next to a missing OAuth secret', { SLACK_BOT_TOKEN: 'xoxp-1', SLACK_CLIENT_ID: '1.2', SLACK_STATE_SECRET: oauth.SLACK_STATE_SECRET }, ['SLACK_BOT_TOKEN', 'SLACK_CLIENT_SECRET']],
    ['a bad PORT next to no credentials at all', { PORT: 'abc' }, ['PORT', 'SLACK_BOT_TOKEN']],
  ])('refuses %s, with every problem in one message', (_label, env, names) => {
    expect(complaints({ ...base, ...env })).toEqual(names);
  });

  it('never echoes a secret', () => {
    const text = message({ ...base, SLACK_CLIENT_SECRET: 'very-secret-value', SLACK_STATE_SECRET: 'tiny' });
    expect(text).not.toContain('very-secret-value');
    expect(text).not.toContain('tiny');
  });
});
