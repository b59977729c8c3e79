import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, verifySlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackSender, signSlackRequest } from '../../../src/stand-in/signed-requests.js';
import { startSlackStandIn, type SlackStandIn } from '../../../src/stand-in/slack-web-api.js';

// Slack's documented example: https://api.slack.com/authentication/verifying-requests-from-slack
// (also slackapi/python-slack-sdk tests/signature/test_signature_verifier.py).
const vector = {
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar' +
    '&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
    '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
    '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

describe('signSlackRequest', () => {
  it("matches Slack's documented test vector", () => {
    expect(signSlackRequest(vector.signingSecret, vector.body, vector.timestamp)).toEqual({
      'x-slack-signature': vector.signature,
      'x-slack-request-timestamp': '1531420618',
    });
  });
});

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

describe('SlackSender request shapes', () => {
  const received: Received[] = [];
  let server: Server;
  let appUrl: string;
  const now = () => 1_700_000_000;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"seen":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const last = (): Received => {
    const request = received.at(-1);
    if (!request) throw new Error('nothing received');
    return request;
  };
  const payloadOf = (request: Received): unknown => JSON.parse(new URLSearchParams(request.body).get('payload') ?? 'null');
  const expectSigned = (request: Received) =>
    expect(() =>
      verifySlackRequest({
        signingSecret: 'shh',
        body: request.body,
        headers: {
          'x-slack-signature': String(request.headers['x-slack-signature']),
          'x-slack-request-timestamp': Number(request.headers['x-slack-request-timestamp']),
        },
        nowMilliseconds: now() * 1000,
      }),
    ).not.toThrow();

  it('sends a slash command as a form body with Slack’s fields in Slack’s order', async () => {
    const sender = createSlackSender({ appUrl, signingSecret: 'shh', now });
    const response = await sender.slashCommand({
      teamId: 'T1', userId: 'U1', command: '/pace', text: 'log 3 calls', responseUrl: 'http://x/response/1', triggerId: 't.1',
    });
    expect(response).toMatchObject({ status: 200, json: { seen: true } });
    expect(response.elapsedMs).toBeGreaterThanOrEqual(0);
    const request = last();
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['x-slack-request-timestamp']).toBe('1700000000');
    expectSigned(request);
    const fields = new URLSearchParams(request.body);
    expect([...fields.keys()]).toEqual([
      'token', 'team_id', 'team_domain', 'channel_id', 'channel_name', 'user_id', 'user_name', 'command', 'text',
      'api_app_id', 'is_enterprise_install', 'response_url', 'trigger_id',
    ]);
    expect(Object.fromEntries(fields)).toMatchObject({ team_id: 'T1', user_id: 'U1', command: '/pace', text: 'log 3 calls', response_url: 'http://x/response/1', trigger_id: 't.1' });
    expect(request.body).toContain('command=%2Fpace&text=log+3+calls');
  });

  it('sends a block action from a message, with channel and container', async () => {
    const sender = createSlackSender({ appUrl, signingSecret: 'shh', now });
    await sender.blockAction({
      teamId: 'T1', userId: 'U1', actionId: 'undo_log', value: 'a-42', blockId: 'log',
      container: { type: 'message', message_ts: '1.2', channel_id: 'C9' }, responseUrl: 'http://x/response/2',
    });
    const request = last();
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expectSigned(request);
    expect(payloadOf(request)).toMatchObject({
      type: 'block_actions',
      user: { id: 'U1', team_id: 'T1' },
      team: { id: 'T1' },
      container: { type: 'message', message_ts: '1.2', channel_id: 'C9' },
      channel: { id: 'C9' },
      response_url: 'http://x/response/2',
      trigger_id: expect.any(String),
      actions: [{ action_id: 'undo_log', block_id: 'log', type: 'button', value: 'a-42', action_ts: expect.any(String) }],
    });
  });

  it('sends a block action from a Home tab with the view and no channel', async () => {
    const sender = createSlackSender({ appUrl, signingSecret: 'shh', now });
    await sender.blockAction({
      teamId: 'T1', userId: 'U1', actionId: 'pick_period', selectedOption: { value: 'week', text: 'This week' },
      view: { id: 'V7', type: 'home', callback_id: 'home' },
    });
    const payload = payloadOf(last());
    expect(payload).toMatchObject({
      container: { type: 'view', view_id: 'V7' },
      view: { id: 'V7', type: 'home', callback_id: 'home', state: { values: {} } },
      actions: [{ type: 'static_select', selected_option: { value: 'week', text: { type: 'plain_text', text: 'This week' } } }],
    });
    expect(payload).not.toHaveProperty('channel');
  });

  it('sends a view submission with state values and private metadata', async () => {
    const sender = createSlackSender({ appUrl, signingSecret: 'shh', now });
    const values = { amount: { amount_input: { type: 'plain_text_input', value: '12' } } };
    await sender.viewSubmission({ teamId: 'T1', userId: 'U1', callbackId: 'goal_submit', privateMetadata: '{"c":"C1"}', values });
    expect(payloadOf(last())).toMatchObject({
      type: 'view_submission',
      user: { id: 'U1' },
      view: { callback_id: 'goal_submit', private_metadata: '{"c":"C1"}', state: { values }, type: 'modal' },
    });
  });

  it('sends an event as a JSON event_callback envelope', async () => {
    const sender = createSlackSender({ appUrl, signingSecret: 'shh', now });
    await sender.event({ teamId: 'T1', event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' } });
    const request = last();
    expect(request.headers['content-type']).toBe('application/json');
    expectSigned(request);
    expect(JSON.parse(request.body)).toMatchObject({
      type: 'event_callback', team_id: 'T1', api_app_id: expect.any(String), event_id: expect.stringMatching(/^Ev/),
      event_time: 1_700_000_000, event: { type: 'app_home_opened', user: 'U1', tab: 'home', event_ts: expect.any(String) },
    });
  });

  it('posts raw bodies, letting headers be forged or removed', async () => {
    const sender = createSlackSender({ appUrl, signingSecret: 'shh', now });
    await sender.post('a=1', 'application/x-www-form-urlencoded', { 'x-slack-signature': 'v0=forged', 'x-slack-request-timestamp': undefined });
    expect(last().headers).toMatchObject({ 'x-slack-signature': 'v0=forged' });
    expect(last().headers).not.toHaveProperty('x-slack-request-timestamp');
  });
});

describe('SlackSender against a real Bolt app', () => {
  const signingSecret = 'bolt-secret';
  let standIn: SlackStandIn;
  let app: App;
  let appUrl: string;

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    app = new App({
      token: 'xoxb-test',
      signingSecret,
      botId: standIn.botId,
      botUserId: standIn.botUserId,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: standIn.url, retryConfig: { retries: 0 } },
    });
    app.command('/pace', async ({ ack, respond, command }) => {
      await ack();
      await respond({ response_type: 'ephemeral', text: `logged: ${command.text}` });
    });
    app.action('undo_log', async ({ ack, body, client }) => {
      await ack();
      await client.chat.postMessage({ channel: body.user.id, text: 'undone' });
    });
    app.view('goal_submit', async ({ ack, view }) => {
      await ack({ response_action: 'errors', errors: { amount: `got ${view.state.values.amount?.amount_input?.value}` } });
    });
    app.event('app_home_opened', async ({ event, client }) => {
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
    });
    const server = await app.start(0);
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await standIn.close();
  });

  it('acks a signed slash command and answers through respond()', async () => {
    const sender = createSlackSender({ appUrl, signingSecret });
    const responseUrl = standIn.responseUrl();
    const sent = await sender.slashCommand({ teamId: standIn.teamId, userId: 'U1', command: '/pace', text: '3 calls', responseUrl });
    expect(sent.status).toBe(200);
    const reply = await standIn.waitForCall('response_url', (call) => call.url === responseUrl);
    expect(reply.args).toEqual({ response_type: 'ephemeral', text: 'logged: 3 calls' });
  });

  it('routes a block action, a view submission and an event', async () => {
    const sender = createSlackSender({ appUrl, signingSecret });
    const teamId = standIn.teamId;
    expect((await sender.blockAction({ teamId, userId: 'U1', actionId: 'undo_log', value: 'x' })).status).toBe(200);
    expect((await standIn.waitForCall('chat.postMessage')).args).toMatchObject({ channel: 'U1', text: 'undone' });

    const values = { amount: { amount_input: { type: 'plain_text_input', value: '12' } } };
    const submitted = await sender.viewSubmission({ teamId, userId: 'U1', callbackId: 'goal_submit', values });
    expect(submitted).toMatchObject({ status: 200, json: { response_action: 'errors', errors: { amount: 'got 12' } } });

    expect((await sender.event({ teamId, event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' } })).status).toBe(200);
    expect((await standIn.waitForCall('views.publish')).args).toMatchObject({ user_id: 'U1', view: { type: 'home' } });
  });

  it('refuses a forged signature, a stale timestamp and a charset suffix', async () => {
    const sender = createSlackSender({ appUrl, signingSecret });
    const body = new URLSearchParams({ command: '/pace', text: 'x' }).toString();
    const forged = await sender.post(body, 'application/x-www-form-urlencoded', { 'x-slack-signature': 'v0=deadbeef' });
    expect(forged.status).toBe(401);
    const stale = createSlackSender({ appUrl, signingSecret, now: () => Math.floor(Date.now() / 1000) - 6 * 60 });
    expect((await stale.slashCommand({ teamId: standIn.teamId, userId: 'U1', command: '/pace', text: 'x', responseUrl: standIn.responseUrl() })).status).toBe(401);
    // Bolt compares the content type exactly, so a charset suffix sends the form down the JSON parser.
    const suffixed = await sender.post(body, 'application/x-www-form-urlencoded; charset=utf-8');
    expect(suffixed.status).toBe(400);
  });
});
