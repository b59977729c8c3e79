import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPacerApp, type PacerApp } from '../../src/app.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createSlackSender, type SlackSender } from '../../src/stand-in/signed-requests.js';
import { startSlackStandIn, standInIdentity, type SlackStandIn, type StandInCall } from '../../src/stand-in/slack-web-api.js';
import { manualClock, people, replyText, signingSecret, teamId } from '../support/pacer-harness.js';
import { createTestDatabase, testDatabaseAvailable, type TestDatabase } from '../support/test-database.js';

const botToken = 'xoxb-observability-0123456789';

type LogLine = Record<string, unknown> & { level: string; msg: string };

/** The real app over HTTP with `npm start`'s logger (at debug, into memory) and metrics. */
describe.skipIf(!testDatabaseAvailable())('logs, metrics and readiness', () => {
  let slack: SlackStandIn;
  let database: TestDatabase;
  let pacer: PacerApp;
  let base: string;
  let send: SlackSender;
  const clock = manualClock('2026-11-25T11:00:00Z');
  const written: string[] = [];
  const lines = (): LogLine[] => written.join('').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    slack = await startSlackStandIn({ users: Object.values(people) });
    database = await createTestDatabase();
    pacer = createPacerApp({
      slack: {
        botToken,
        signingSecret,
        apiUrl: slack.url,
        botId: standInIdentity.botId,
        botUserId: standInIdentity.botUserId,
        teamId,
        retryConfig: { retries: 0 },
      },
      prisma: database.prisma,
      clock,
      logger: createLogger({ level: 'debug', secrets: [signingSecret, botToken], destination: { write: (line: string) => void written.push(line) } }),
      metrics: createMetrics(),
    });
    await pacer.app.init();
    const server = (await pacer.app.start(0)) as Server;
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    send = createSlackSender({ appUrl: `${base}/slack/events`, signingSecret });
  });
  beforeEach(async () => {
    await pacer.drain(10_000);
    slack.reset();
    written.length = 0;
  });
  afterAll(async () => {
    await pacer?.drain(10_000);
    await pacer?.app.stop();
    await database?.close();
    await slack?.close();
  });

  async function command(user: { id: string; name: string }, name: string, text: string): Promise<StandInCall> {
    const responseUrl = slack.responseUrl();
    const sent = await send.slashCommand({ teamId, userId: user.id, userName: user.name, command: name, text, responseUrl });
    expect(sent.status).toBe(200);
    const reply = await slack.waitForCall('response_url', (call) => call.url === responseUrl, 30_000);
    await pacer.drain(10_000);
    return reply;
  }

  const metrics = async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  /** The value of one series, e.g. `pacer_slack_requests_total{type="command",name="/log"}`. */
  const sample = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('/metrics shows the ack histogram, requests, Slack calls and query time after a few commands', async () => {
    const before = await metrics();
    const acked = (text: string) => sample(text, 'pacer_slack_ack_seconds_count{type="command",name="/log"}') ?? 0;
    for (const text of ['call 1', 'email 2', 'meeting 1']) expect(replyText(await command(people.rita, '/log', text))).toContain('Logged');

    const after = await metrics();
    expect(acked(after) - acked(before)).toBe(3);
    expect(after).toMatch(/^pacer_slack_ack_seconds_bucket\{le="3",type="command",name="\/log"\} \d+$/m);
    expect(sample(after, 'pacer_slack_requests_total{type="command",name="/log"}')).toBeGreaterThanOrEqual(3);
    expect(sample(after, 'pacer_slack_api_calls_total{method="response_url"}')).toBeGreaterThanOrEqual(3);
    expect(after).toMatch(/^pacer_db_query_seconds_count\{model="Activity",operation="create"\} [1-9]/m);
    expect(after).toContain('pacer_outbox_pending_messages 0');
  });

  it('counts an unexpected failure and the Slack error behind it, and logs it with workspace, user and command', async () => {
    slack.queueFault('users.info', { ok: false, error: 'fatal_error' });
    const reply = await command(people.bob, '/log', 'call 2');
    const ref = /reference `([0-9a-f]{8})`/.exec(replyText(reply))?.[1];
    expect(ref, replyText(reply)).toBeDefined();

    const text = await metrics();
    expect(sample(text, 'pacer_slack_request_errors_total{type="command",name="/log"}')).toBe(1);
    expect(sample(text, 'pacer_slack_api_errors_total{method="users.info",error="fatal_error"}')).toBe(1);
    const reported = lines().find((line) => line.level === 'error' && line.msg.includes(`[ref ${ref}]`));
    expect(reported).toMatchObject({ team_id: teamId, user_id: people.bob.id, command: '/log', err: { code: 'slack_webapi_platform_error' } });
  });

  it('every line about a request names it, and no line carries the bot token or the signing secret', async () => {
    // Wes is new here, so Pacer asks Slack for his profile (users.info).
    await command(people.wes, '/log', 'demo 1');
    const logged = lines();
    // At debug level the Web API client logs each call: its URL, body and headers (the token among them).
    const about = logged.filter((line) => line.msg.startsWith('http request') || line.msg.startsWith('apiCall('));
    expect(about.map((line) => line.msg)).toContain("apiCall('users.info') start");
    for (const line of about) expect(line).toMatchObject({ team_id: teamId, user_id: people.wes.id, command: '/log' });
    const raw = written.join('');
    expect(raw).not.toContain(botToken);
    expect(raw).not.toContain(signingSecret);
  });

  it('/health answers while /ready asks the database', async () => {
    expect(await (await fetch(`${base}/health`)).text()).toBe('ok');
    const ready = await fetch(`${base}/ready`);
    expect([ready.status, await ready.text()]).toEqual([200, 'ready']);
  });

  it('the scheduler reports its runs and deliveries, and its Slack calls count like a request’s', async () => {
    await command(people.rita, '/goal', 'list');
    await database.prisma.lead.create({
      data: { teamId, ownerId: people.rita.id, name: 'Acme Corp', nameKey: 'acme corp', account: 'Acme Corp', accountKey: 'acme corp', stage: 'contacted', createdBy: people.rita.id, lastTouchedAt: new Date('2026-11-20T09:00:00Z'), nextFollowUpOn: new Date('2026-11-24T00:00:00Z') },
    });
    const posted = (text: string) => sample(text, 'pacer_slack_api_calls_total{method="chat.postMessage"}') ?? 0;
    const before = posted(await metrics());
    clock.set('2026-11-26T08:00:00Z'); // 09:00 in Warsaw: Rita's nudge is due.
    await pacer.scheduler.tick();
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === people.rita.id)).toHaveLength(1);

    const text = await metrics();
    expect(posted(text) - before).toBe(1);
    expect(text).toContain('# TYPE pacer_scheduler_runs_total counter');
    expect(text).toContain('# TYPE pacer_scheduler_messages_total counter');
  });
});

describe.skipIf(!testDatabaseAvailable())('/ready when the database does not answer', () => {
  it('answers 503 while /health still answers 200', async () => {
    const slack = await startSlackStandIn({ users: [] });
    const database = await createTestDatabase();
    const { app } = createPacerApp({
      slack: { botToken, signingSecret, apiUrl: slack.url, botId: standInIdentity.botId, botUserId: standInIdentity.botUserId, teamId, logLevel: 'error' },
      prisma: database.prisma,
      clock: manualClock('2026-11-25T11:00:00Z'),
    });
    try {
      await app.init();
      const server = (await app.start(0)) as Server;
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      await database.close();
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.text()).toMatch(/^not ready: the database does not answer/);
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await app.stop();
      await database.close();
      await slack.close();
    }
  });
});
