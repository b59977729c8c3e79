import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlackStandIn, standInIdentity, type SlackStandIn } from '../../../src/stand-in/slack-web-api.js';

let standIn: SlackStandIn;
let client: WebClient;

beforeAll(async () => {
  standIn = await startSlackStandIn({
    users: [{ id: 'U0ALICE', name: 'alice', realName: 'Alice Ng', tz: 'Asia/Kolkata', locale: 'fr-FR', isAdmin: true }],
  });
  client = new WebClient('xoxb-test', { slackApiUrl: standIn.url, retryConfig: { retries: 0 } });
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

describe('Slack Web API stand-in', () => {
  it('answers auth.test with the bot identity', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({ ok: true, team_id: standInIdentity.teamId, user_id: standIn.botUserId, bot_id: standIn.botId });
  });

  it('serves users.info from its registry, with the locale only on request', async () => {
    const plain = await client.users.info({ user: 'U0ALICE' });
    expect(plain.user).toMatchObject({ id: 'U0ALICE', name: 'alice', real_name: 'Alice Ng', tz: 'Asia/Kolkata', tz_offset: 19800, is_admin: true });
    expect(plain.user?.locale).toBeUndefined();
    const withLocale = await client.users.info({ user: 'U0ALICE', include_locale: true });
    expect(withLocale.user?.locale).toBe('fr-FR');
    standIn.setUser({ id: 'U0BOB', name: 'bob', tz: 'America/New_York' });
    expect((await client.users.info({ user: 'U0BOB' })).user?.tz).toBe('America/New_York');
    await expect(client.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject({ data: { ok: false, error: 'user_not_found' } });
  });

  it('takes a files.uploadV2 upload: an upload URL, the bytes, then the share into a channel', async () => {
    const result = await client.files.uploadV2({ channel_id: 'D0ALICE', file: Buffer.from('a,b\n1,2\n'), filename: 'data.csv', title: 'Data' });
    expect(result.ok).toBe(true);
    expect(standIn.calls.map((c) => c.method)).toEqual(['files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal']);
    expect(standIn.uploads).toEqual([{ fileId: expect.stringMatching(/^F/), filename: 'data.csv', bytes: Buffer.from('a,b\n1,2\n'), channelId: 'D0ALICE', title: 'Data' }]);
  });

  it('records chat.postMessage with blocks parsed, and answers increasing timestamps', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Pace* 80%' } }];
    const first = await client.chat.postMessage({ channel: 'C1', text: 'Pace 80%', blocks });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'again' });
    expect(first).toMatchObject({ ok: true, channel: 'C1', message: { text: 'Pace 80%', blocks } });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    const [call] = standIn.callsTo('chat.postMessage');
    expect(call?.args).toMatchObject({ channel: 'C1', text: 'Pace 80%', blocks });
  });

  it('answers views, DMs and any other method like Slack', async () => {
    const opened = await client.views.open({ trigger_id: 't', view: { type: 'modal', callback_id: 'goal', title: { type: 'plain_text', text: 'Goal' }, blocks: [] } });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), callback_id: 'goal' });
    const updated = await client.views.update({ view_id: opened.view?.id ?? '', view: { type: 'modal', title: { type: 'plain_text', text: 'Goal' }, blocks: [] } });
    expect(updated.view?.id).toBe(opened.view?.id);
    const dm = await client.conversations.open({ users: 'U0ALICE' });
    expect(dm.channel?.id).toMatch(/^D/);
    expect((await client.conversations.open({ users: 'U0ALICE' })).channel?.id).toBe(dm.channel?.id);
    expect(await client.reactions.add({ channel: 'C1', timestamp: '1.2', name: 'tada' })).toMatchObject({ ok: true });
    expect(standIn.calls.map((call) => call.method)).toEqual(['views.open', 'views.update', 'conversations.open', 'conversations.open', 'reactions.add']);
  });

  it('hands out a socket URL only when configured, and tells listeners of each call', async () => {
    await expect(client.apps.connections.open({ token: 'xapp-test' })).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
    const socketStandIn = await startSlackStandIn({ socketUrl: 'ws://127.0.0.1:1/link' });
    try {
      const seen: string[] = [];
      const stop = socketStandIn.onCall((call) => seen.push(call.method));
      const appClient = new WebClient('xapp-test', { slackApiUrl: socketStandIn.url, retryConfig: { retries: 0 } });
      expect(await appClient.apps.connections.open()).toMatchObject({ ok: true, url: 'ws://127.0.0.1:1/link' });
      stop();
      await appClient.auth.test();
      expect(seen).toEqual(['apps.connections.open']);
    } finally {
      await socketStandIn.close();
    }
  });

  it('refuses a call without a token', async () => {
    const anonymous = new WebClient(undefined, { slackApiUrl: standIn.url, retryConfig: { retries: 0 } });
    await expect(anonymous.chat.postMessage({ channel: 'C1', text: 'hi' })).rejects.toMatchObject({ data: { error: 'not_authed' } });
  });

  it('lets a queued 429 through to WebClient, which waits Retry-After and retries', async () => {
    standIn.queueFault('chat.postMessage', { status: 429, retryAfter: 0 });
    const retrying = new WebClient('xoxb-test', { slackApiUrl: standIn.url, retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 10 }, logLevel: LogLevel.ERROR });
    const result = await retrying.chat.postMessage({ channel: 'C1', text: 'hi' });
    expect(result.ok).toBe(true);
    expect(standIn.callsTo('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
  });

  it('answers a queued 500 with an HTTP error, once', async () => {
    standIn.queueFault('chat.postMessage', { status: 500 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'hi' })).rejects.toMatchObject({ code: 'slack_webapi_http_error', statusCode: 500 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'hi' })).resolves.toMatchObject({ ok: true });
  });

  it('surfaces a queued ok:false as a platform error', async () => {
    standIn.queueFault('views.publish', { ok: false, error: 'invalid_blocks' });
    await expect(client.views.publish({ user_id: 'U0ALICE', view: { type: 'home', blocks: [] } })).rejects.toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'invalid_blocks' },
    });
  });

  it('records response_url posts in the same timeline', async () => {
    const url = standIn.responseUrl();
    expect(url).not.toBe(standIn.responseUrl());
    await client.chat.postMessage({ channel: 'C1', text: 'first' });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'done', response_type: 'ephemeral' }) });
    expect(response.status).toBe(200);
    expect(standIn.calls.map((call) => call.method)).toEqual(['chat.postMessage', 'response_url']);
    expect(standIn.calls[1]).toMatchObject({ url, args: { text: 'done', response_type: 'ephemeral' } });
  });

  it('waits for a future call, and times out naming what it saw', async () => {
    const waiting = standIn.waitForCall('chat.update', (call) => call.args.ts === '1.5');
    await client.chat.update({ channel: 'C1', ts: '1.4', text: 'x' });
    await client.chat.update({ channel: 'C1', ts: '1.5', text: 'y' });
    expect((await waiting).args.text).toBe('y');
    await expect(standIn.waitForCall('views.push', undefined, 20)).rejects.toThrow(/chat\.update/);
  });

  it('installs the workspace an OAuth code names, each with its own token and identity', async () => {
    const oauthClient = { clientId: '1.2', clientSecret: 'client-secret' };
    const installing = await startSlackStandIn({ users: [{ id: 'U0ALICE', name: 'alice' }], oauthClient });
    try {
      const anonymous = new WebClient(undefined, { slackApiUrl: installing.url, retryConfig: { retries: 0 } });
      const exchange = (code: string, clientSecret = oauthClient.clientSecret) =>
        anonymous.oauth.v2.access({ code, client_id: oauthClient.clientId, client_secret: clientSecret });
      const first = await exchange('T0FIRST');
      expect(first).toMatchObject({
        ok: true, token_type: 'bot', access_token: expect.stringMatching(/^xoxb-/), scope: 'commands,chat:write,chat:write.public,users:read,users:read.email,im:write,files:write,files:read,dnd:read',
        bot_user_id: 'U0FIRSTBOT', app_id: standInIdentity.apiAppId, team: { id: 'T0FIRST' }, enterprise: null,
        is_enterprise_install: false, authed_user: { id: 'U0FIRSTADMIN' },
      });
      const second = await exchange('T0SECOND');
      expect(second.access_token).not.toBe(first.access_token);
      expect(installing.installs.map((install) => install.teamId)).toEqual(['T0FIRST', 'T0SECOND']);

      const asSecond = new WebClient(second.access_token, { slackApiUrl: installing.url, retryConfig: { retries: 0 } });
      expect(await asSecond.auth.test()).toMatchObject({ team_id: 'T0SECOND', user_id: 'U0SECONDBOT', bot_id: 'B0SECONDBOT' });
      expect((await asSecond.users.info({ user: 'U0ALICE' })).user?.team_id).toBe('T0SECOND');
      expect(installing.callsTo('users.info')[0]?.token).toBe(second.access_token);
      // Any other token is still the default stand-in bot.
      const other = new WebClient('xoxb-other', { slackApiUrl: installing.url, retryConfig: { retries: 0 } });
      expect(await other.auth.test()).toMatchObject({ team_id: standInIdentity.teamId, bot_id: standInIdentity.botId });

      await expect(exchange('not-a-team')).rejects.toMatchObject({ data: { error: 'invalid_code' } });
      await expect(exchange('T0THIRD', 'wrong')).rejects.toMatchObject({ data: { error: 'bad_client_secret' } });

      installing.uninstall('T0SECOND');
      await expect(asSecond.auth.test()).rejects.toMatchObject({ data: { error: 'token_revoked' } });
    } finally {
      await installing.close();
    }
  });
});
