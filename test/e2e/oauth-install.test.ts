import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPacerApp, type PacerApp } from '../../src/app.js';
import { createSlackSender, type SlackSender } from '../../src/stand-in/signed-requests.js';
import { startSlackStandIn, type SlackStandIn, type StandInCall, type StandInInstall } from '../../src/stand-in/slack-web-api.js';
import { createInstallationStore } from '../../src/store/installation-store.js';
import { manualClock, people, signingSecret } from '../support/pacer-harness.js';
import { createTestDatabase, testDatabaseAvailable, type TestDatabase } from '../support/test-database.js';

const oauth = { clientId: '1111111111.2222222222', clientSecret: 'oauth-client-secret', stateSecret: 'oauth-state-secret-0123456789' };
const first = 'T0FIRST';
const second = 'T0SECOND';
const text = (call: StandInCall) => JSON.stringify(call.args.blocks ?? call.args.text);

describe.skipIf(!testDatabaseAvailable())('many workspaces, each installed through /slack/install', () => {
  let slack: SlackStandIn;
  let database: TestDatabase;
  let pacer: PacerApp;
  let base: string;
  let send: SlackSender;

  beforeAll(async () => {
    slack = await startSlackStandIn({ users: Object.values(people), oauthClient: oauth });
    database = await createTestDatabase();
    pacer = createPacerApp({
      slack: {
        signingSecret,
        apiUrl: slack.url,
        logLevel: 'error',
        retryConfig: { retries: 0 },
        oauth: { ...oauth, installationStore: createInstallationStore(database.prisma) },
      },
      prisma: database.prisma,
      clock: manualClock('2026-11-25T11:00:00Z'),
    });
    await pacer.app.init();
    const server = (await pacer.app.start(0)) as Server;
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    send = createSlackSender({ appUrl: `${base}/slack/events`, signingSecret });
  });
  beforeEach(async () => {
    await pacer.drain(10_000);
    await database.reset();
    slack.reset();
  });
  afterAll(async () => {
    await pacer?.drain(10_000);
    await pacer?.app.stop();
    await database?.close();
    await slack?.close();
  });

  /** What a browser gets from /slack/install: Slack's authorize URL, and the state cookie that must come back. */
  async function startInstall() {
    const answer = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const location = new URL(answer.headers.get('location') ?? 'about:blank');
    const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { status: answer.status, location, cookie, state: location.searchParams.get('state') ?? '' };
  }

  /** Slack sends the browser back with a code; the stand-in installs the workspace the code names. */
  function finishInstall(code: string, state: string, cookie?: string) {
    const query = new URLSearchParams({ code, state });
    return fetch(`${base}/slack/oauth_redirect?${query}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  }

  async function install(teamId: string): Promise<StandInInstall> {
    const { state, cookie } = await startInstall();
    const answer = await finishInstall(teamId, state, cookie);
    expect(answer.status, await answer.text()).toBe(200);
    const installed = slack.installs.findLast((candidate) => candidate.teamId === teamId);
    if (!installed) throw new Error(`${teamId} was not installed`);
    return installed;
  }

  async function command(teamId: string, name: string, commandText: string): Promise<StandInCall> {
    const responseUrl = slack.responseUrl();
    const sent = await send.slashCommand({ teamId, userId: people.rita.id, userName: people.rita.name, command: name, text: commandText, responseUrl });
    expect(sent.status).toBe(200);
    const reply = await slack.waitForCall('response_url', (call) => call.url === responseUrl, 5000);
    await pacer.drain(10_000);
    return reply;
  }

  const installations = () => database.prisma.slackInstallation.findMany({ orderBy: { key: 'asc' } });

  it('GET /slack/install sends the browser to Slack with the bot scopes and a state bound to a cookie', async () => {
    const { status, location, cookie, state } = await startInstall();
    expect(status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('scope')).toBe('commands,chat:write,chat:write.public,users:read,users:read.email,im:write,files:write,files:read,dnd:read');
    expect(location.searchParams.get('client_id')).toBe(oauth.clientId);
    expect(state).not.toBe('');
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
    // The rest of the HTTP surface is unchanged.
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('the redirect exchanges the code with the client credentials and stores that workspace’s installation', async () => {
    const installed = await install(first);
    const [exchange] = slack.callsTo('oauth.v2.access');
    expect(exchange?.args).toMatchObject({ code: first, client_id: oauth.clientId, client_secret: oauth.clientSecret });
    // Bolt reads the bot id with the new token.
    expect(slack.callsTo('auth.test').map((call) => call.token)).toEqual([installed.botToken]);
    const rows = await installations();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: `T${first}`, teamId: first, enterpriseId: null });
    expect(rows[0]?.installation).toMatchObject({
      team: { id: first },
      bot: { token: installed.botToken, userId: installed.botUserId, id: installed.botId, scopes: ['commands', 'chat:write', 'chat:write.public', 'users:read', 'users:read.email', 'im:write', 'files:write', 'files:read', 'dnd:read'] },
      isEnterpriseInstall: false,
      authVersion: 'v2',
    });
  });

  it.each([
    ['a state from another browser session', async () => ({ state: (await startInstall()).state, cookie: (await startInstall()).cookie })],
    ['no state cookie', async () => ({ state: (await startInstall()).state, cookie: undefined })],
    ['a forged state', async () => ({ state: 'forged', cookie: 'slack-app-oauth-state=forged' })],
  ])('refuses a redirect with %s and stores nothing', async (_label, arrange) => {
    const { state, cookie } = await arrange();
    const answer = await finishInstall(first, state, cookie);
    expect(answer.status).toBe(400);
    expect(slack.callsTo('oauth.v2.access')).toEqual([]);
    expect(await installations()).toEqual([]);
  });

  it('serves each workspace with its own token, and each sees only its own goals and logs', async () => {
    const one = await install(first);
    const two = await install(second);
    expect(one.botToken).not.toBe(two.botToken);
    slack.reset();

    expect(text(await command(first, '/goal', 'calls 40 weekly'))).toContain('Goal set');
    expect(text(await command(first, '/log', 'call 5'))).toContain('5 / 40');
    const profileLookups = slack.callsTo('users.info');
    expect(profileLookups.map((call) => call.token)).toEqual([one.botToken]);

    // The same user id in the other workspace is another person with nothing yet.
    expect(text(await command(second, '/goal', 'list'))).toContain('No goals yet');
    expect(text(await command(second, '/log', 'call 2'))).toContain('Logged *2 calls*');
    expect(slack.callsTo('users.info').map((call) => call.token)).toEqual([one.botToken, two.botToken]);
    // Every Web API call went out with a token of the workspace it was about.
    const teamOf = new Map([[one.botToken, first], [two.botToken, second]]);
    for (const call of slack.calls.filter((call) => call.method !== 'response_url')) {
      expect(teamOf.has(call.token ?? ''), `${call.method} with ${call.token}`).toBe(true);
    }
    expect(await database.prisma.activity.count({ where: { teamId: first } })).toBe(1);
    expect(await database.prisma.activity.count({ where: { teamId: second } })).toBe(1);
    expect(text(await command(first, '/goal', 'list'))).toContain('calls');
  });

  it('the installer’s Slack language becomes the workspace’s language for channel posts; a reinstall keeps what an admin chose', async () => {
    slack.setUser({ id: `U${first.slice(1)}ADMIN`, name: 'ines', realName: 'Ines Installer', tz: 'Europe/Warsaw', locale: 'pl-PL', isAdmin: true });
    slack.setUser({ id: `U${second.slice(1)}ADMIN`, name: 'ivan', realName: 'Ivan Installer', tz: 'Europe/Moscow', locale: 'ja-JP', isAdmin: true });
    const one = await install(first);
    await install(second);
    const lookups = slack.callsTo('users.info');
    expect(lookups.find((call) => call.token === one.botToken)?.args).toMatchObject({ user: one.installerId, include_locale: 'true' });
    const language = async (teamId: string) => (await database.prisma.workspace.findUnique({ where: { teamId } }))?.language ?? null;
    expect(await language(first)).toBe('pl');
    // Japanese is not one Pacer writes: channel posts stay in English.
    expect(await language(second)).toBeNull();

    await database.prisma.workspace.update({ where: { teamId: first }, data: { language: 'de' } });
    await install(first);
    expect(await language(first)).toBe('de');
  });

  it('ignores a signed request from a workspace that never installed Pacer, and keeps serving the others', async () => {
    const one = await install(first);
    slack.reset();
    const lost = slack.responseUrl();
    const sent = await send.slashCommand({ teamId: 'T0NOBODY', userId: people.rita.id, command: '/log', text: 'call 1', responseUrl: lost });
    // Bolt acknowledges it after authorization failed, so Slack does not retry it.
    expect(sent.status).toBe(200);
    expect(text(await command(first, '/log', 'call 1'))).toContain('Logged *1 call*');
    expect(slack.calls.filter((call) => call.url === lost)).toEqual([]);
    expect(slack.calls.filter((call) => call.token !== undefined && call.token !== one.botToken)).toEqual([]);
    expect(await database.prisma.activity.count({ where: { teamId: 'T0NOBODY' } })).toBe(0);
  });

  it('app_uninstalled forgets that workspace’s tokens: its next command is not served, the other is', async () => {
    const one = await install(first);
    const two = await install(second);
    slack.uninstall(first);
    slack.reset();
    const event = await send.event({ teamId: first, event: { type: 'app_uninstalled' } });
    expect(event.status).toBe(200);
    await pacer.drain(10_000);
    expect((await installations()).map((row) => row.key)).toEqual([`T${second}`]);

    const unanswered = slack.responseUrl();
    expect((await send.slashCommand({ teamId: first, userId: people.rita.id, command: '/log', text: 'call 1', responseUrl: unanswered })).status).toBe(200);
    expect(text(await command(second, '/log', 'call 1'))).toContain('Logged *1 call*');
    expect(slack.calls.filter((call) => call.url === unanswered || call.token === one.botToken)).toEqual([]);
    expect(slack.callsTo('users.info').map((call) => call.token)).toEqual([two.botToken]);
    expect(await database.prisma.activity.count({ where: { teamId: first } })).toBe(0);

    // Installing again brings the workspace back, with its new token.
    const again = await install(first);
    expect(again.botToken).not.toBe(one.botToken);
    expect(text(await command(first, '/log', 'call 1'))).toContain('Logged *1 call*');
  });

  it('tokens_revoked forgets the installation when its bot token is revoked, not for user tokens alone', async () => {
    const one = await install(first);
    const afterRevoking = async (sent: Promise<{ status: number }>) => {
      expect((await sent).status).toBe(200);
      // Bolt acknowledges an event before its listeners run; drain waits for them.
      await pacer.drain(10_000);
      return (await installations()).map((row) => row.key);
    };
    const revoke = (teamId: string, tokens: { oauth?: string[]; bot?: string[] }) =>
      afterRevoking(send.event({ teamId, event: { type: 'tokens_revoked', tokens } }));
    expect(await revoke(first, { oauth: ['U0SOMEONE'] })).toEqual([`T${first}`]);
    expect(await revoke(second, { bot: ['U0SECONDBOT'] })).toEqual([`T${first}`]);
    // The envelope exactly as Slack's reference shows it, without `authorizations`.
    // https://docs.slack.dev/reference/events/tokens_revoked
    const envelope = {
      token: 'XXYYZZ', team_id: first, api_app_id: 'A0PACER01', type: 'event_callback', event_id: 'Ev0REVOKED', event_time: 1234567890,
      event: { type: 'tokens_revoked', tokens: { oauth: [], bot: [one.botUserId] } },
    };
    expect(await afterRevoking(send.post(JSON.stringify(envelope), 'application/json'))).toEqual([]);
  });

  it('with only a bot token there is no install flow', async () => {
    const single = createPacerApp({
      slack: { botToken: 'xoxb-single', signingSecret, apiUrl: slack.url, botId: 'B0ONE', botUserId: 'U0ONE', logLevel: 'error', retryConfig: { retries: 0 } },
      prisma: database.prisma,
      clock: manualClock('2026-11-25T11:00:00Z'),
    });
    await single.app.init();
    const server = (await single.app.start(0)) as Server;
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${url}/slack/install`, { redirect: 'manual' })).status).toBe(404);
      expect((await fetch(`${url}/slack/oauth_redirect?code=${first}&state=x`, { redirect: 'manual' })).status).toBe(404);
    } finally {
      await single.app.stop();
    }
  });
});
