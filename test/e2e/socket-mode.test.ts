import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createPacerApp } from '../../src/app.js';
import { ids } from '../../src/slack/ids.js';
import { startSlackStandIn, standInIdentity, type SlackStandIn, type StandInCall } from '../../src/stand-in/slack-web-api.js';
import { manualClock, people, signingSecret, teamId } from '../support/pacer-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const text = (call: StandInCall) => JSON.stringify(call.args.blocks ?? call.args.text);
const undoValue = (call: StandInCall) => {
  const blocks = call.args.blocks as { elements?: { action_id: string; value: string }[] }[];
  const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === ids.actions.undoLog);
  if (!button) throw new Error('no Undo button');
  return button.value;
};

/**
 * Slack's side of a Socket Mode connection: `hello` once the app connects, then
 * envelopes the app must acknowledge with their `envelope_id` (its `payload` is the
 * ack's body). https://api.slack.com/apis/socket-mode#events
 */
interface SocketEndpoint {
  url: string;
  /** Resolves with the app's acknowledgement of the envelope, or rejects after `timeoutMs`. */
  deliver(type: 'slash_commands' | 'interactive', payload: Record<string, unknown>, timeoutMs?: number): Promise<unknown>;
  close(): Promise<void>;
}

async function startSocketEndpoint(): Promise<SocketEndpoint> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  let current: WebSocket | undefined;
  const acks = new Map<string, (message: unknown) => void>();
  server.on('connection', (socket) => {
    current = socket;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string };
      if (message.envelope_id) acks.get(message.envelope_id)?.(message);
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in' }, connection_info: { app_id: standInIdentity.apiAppId } }));
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link/?ticket=stand-in`,
    deliver(type, payload, timeoutMs = 5000) {
      const socket = current;
      if (!socket) return Promise.reject(new Error('The app has not connected to the socket endpoint'));
      const envelopeId = randomUUID();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          acks.delete(envelopeId);
          reject(new Error(`No ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms`));
        }, timeoutMs);
        acks.set(envelopeId, (message) => {
          clearTimeout(timer);
          acks.delete(envelopeId);
          resolve(message);
        });
        socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type === 'slash_commands' }));
      });
    },
    async close() {
      // Bolt 5.1's SocketModeReceiver.stop() starts the close handshake without awaiting
      // it; cutting the socket before the app's close frame arrives logs a WebSocket error.
      const closing = [...server.clients].map((client) => new Promise((resolve) => client.once('close', resolve)));
      await Promise.race([Promise.all(closing), new Promise((resolve) => setTimeout(resolve, 3000))]);
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

// Socket Mode does not touch the database layer, so one backend is enough.
describe.skipIf(inject('testDatabase').kind !== 'pglite')('Socket Mode (SLACK_APP_TOKEN set)', () => {
  let endpoint: SocketEndpoint;
  let slack: SlackStandIn;
  let database: TestDatabase;
  let app: App;
  let startCalls: string[];
  let idle: () => Promise<void>;
  /** Where /health, /ready and /metrics are served: Socket Mode has no other HTTP server. */
  let operationsUrl: string;

  beforeAll(async () => {
    endpoint = await startSocketEndpoint();
    slack = await startSlackStandIn({ users: Object.values(people), socketUrl: endpoint.url });
    database = await createTestDatabase();
    const port = await freePort();
    operationsUrl = `http://127.0.0.1:${port}`;
    const pacer = createPacerApp({
      slack: {
        botToken: 'xoxb-socket',
        signingSecret,
        appToken: 'xapp-1-A0PACER01-socket',
        apiUrl: slack.url,
        botId: standInIdentity.botId,
        botUserId: standInIdentity.botUserId,
        logLevel: 'error',
        retryConfig: { retries: 0 },
        port,
      },
      prisma: database.prisma,
      clock: manualClock('2026-11-25T11:00:00Z'),
    });
    app = pacer.app;
    idle = () => pacer.drain(10_000);
    await app.init();
    // Resolves once the endpoint has said hello.
    await app.start();
    startCalls = slack.calls.map((call) => call.method);
  });
  beforeEach(async () => {
    await idle();
    await database.reset();
    slack.reset();
  });
  afterAll(async () => {
    await idle();
    await app?.stop();
    await endpoint?.close();
    await database?.close();
    await slack?.close();
  });

  it('connects through apps.connections.open with the app token', () => {
    // The stand-in answers not_authed without a bearer token, so getting the URL means the token was sent.
    expect(startCalls).toContain('apps.connections.open');
  });

  it('a slash command envelope is acknowledged on the socket and answered on its response_url', async () => {
    const responseUrl = slack.responseUrl();
    const ack = await endpoint.deliver('slash_commands', slashCommand('/log', 'call 5', responseUrl));
    expect(ack).toEqual({ envelope_id: expect.any(String), payload: {} });
    const reply = await slack.waitForCall('response_url', (call) => call.url === responseUrl, 5000);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(text(reply)).toContain('Logged *5 calls*');
    expect(await database.prisma.activity.findMany({ where: { teamId, userId: people.rita.id } })).toMatchObject([{ typeKey: 'call', count: 5 }]);
  });

  it('an interactive envelope for Undo removes that log', async () => {
    const logged = slack.responseUrl();
    await endpoint.deliver('slash_commands', slashCommand('/log', 'call 5', logged));
    const reply = await slack.waitForCall('response_url', (call) => call.url === logged, 5000);

    const undone = slack.responseUrl();
    const ack = await endpoint.deliver('interactive', undoClick(undoValue(reply), undone));
    expect(ack).toEqual({ envelope_id: expect.any(String), payload: {} });
    const answer = await slack.waitForCall('response_url', (call) => call.url === undone, 5000);
    expect(answer.args.replace_original).toBe(true);
    expect(text(answer)).toContain('Undone: 5 calls is no longer counted.');
    expect(await database.prisma.activity.count()).toBe(0);
  });

  it('serves /health, /ready and /metrics on PORT, with the acks sent on the socket timed', async () => {
    const responseUrl = slack.responseUrl();
    await endpoint.deliver('slash_commands', slashCommand('/log', 'call 2', responseUrl));
    await slack.waitForCall('response_url', (call) => call.url === responseUrl, 5000);

    expect(await (await answered(`${operationsUrl}/health`)).text()).toBe('ok');
    expect(await (await answered(`${operationsUrl}/ready`)).text()).toBe('ready');
    const metrics = await (await answered(`${operationsUrl}/metrics`)).text();
    expect(metrics).toMatch(/^pacer_slack_ack_seconds_count\{type="command",name="\/log"\} [1-9]/m);
    expect(metrics).toContain(`pacer_slack_requests_total{type="block_actions",name="${ids.actions.undoLog}"} 1`);
  });
});

/**
 * A GET that succeeds: Bolt's Socket Mode receiver starts listening on PORT without awaiting it,
 * so the first attempt may come before the server does.
 */
async function answered(url: string): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      return response;
    } catch (error) {
      if (attempt >= 50 || !(error instanceof TypeError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The fields of a slash command, as a Socket Mode `slash_commands` payload carries them (strings, as over HTTP). */
function slashCommand(command: string, commandText: string, responseUrl: string): Record<string, unknown> {
  return {
    token: 'stand-in-verification-token',
    team_id: teamId,
    team_domain: standInIdentity.teamDomain,
    channel_id: 'C0SALES',
    channel_name: 'sales',
    user_id: people.rita.id,
    user_name: people.rita.name,
    command,
    text: commandText,
    api_app_id: standInIdentity.apiAppId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `1700000000.${teamId}.${randomUUID().replaceAll('-', '')}`,
  };
}

/** A `block_actions` payload for the Undo button on an ephemeral log reply. */
function undoClick(value: string, responseUrl: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: people.rita.id, username: people.rita.name, name: people.rita.name, team_id: teamId },
    api_app_id: standInIdentity.apiAppId,
    token: 'stand-in-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0SALES', is_ephemeral: true },
    trigger_id: `1700000000.${teamId}.${randomUUID().replaceAll('-', '')}`,
    team: { id: teamId, domain: standInIdentity.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: 'C0SALES', name: 'sales' },
    response_url: responseUrl,
    actions: [{ action_id: ids.actions.undoLog, block_id: 'log_undo', type: 'button', value, action_ts: '1700000000.000200' }],
  };
}
