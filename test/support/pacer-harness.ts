import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Server } from 'node:http';
import { createPacerApp } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { createSlackSender, type SlackSender } from '../../src/stand-in/signed-requests.js';
import { startSlackStandIn, standInIdentity, type SlackStandIn, type StandInCall, type StandInUser } from '../../src/stand-in/slack-web-api.js';
import { createTestDatabase } from './test-database.js';

export const signingSecret = 'e2e-signing-secret';
export const teamId = standInIdentity.teamId;

/** Reps, managers and an admin, with time zones on both sides of UTC. */
export const people = {
  rita: { id: 'U0RITA', name: 'rita', realName: 'Rita Rep', tz: 'Europe/Warsaw', locale: 'en-US' },
  bob: { id: 'U0BOB', name: 'bob', realName: 'Bob Rep', tz: 'America/New_York', locale: 'en-US' },
  mia: { id: 'U0MIA', name: 'mia', realName: 'Mia Admin', tz: 'Europe/Berlin', locale: 'en-GB', isAdmin: true },
  max: { id: 'U0MAX', name: 'max', realName: 'Max Manager', tz: 'Europe/Warsaw', locale: 'en-US' },
  wes: { id: 'U0WES', name: 'wes', realName: 'Wes Manager', tz: 'America/Chicago', locale: 'en-US' },
} satisfies Record<string, StandInUser>;

export type Person = (typeof people)[keyof typeof people];

/** A person as Slack sends a picked @-mention in command text. */
export const mention = (person: { id: string; name: string }) => `<@${person.id}|${person.name}>`;

/** Everything a reply said, blocks and text, to search in. */
export const replyText = (call: Pick<StandInCall, 'args'>) => JSON.stringify(call.args.blocks ?? call.args.text);

/** The value of a message's button (in an actions block or a section's accessory). */
export function buttonValue(call: Pick<StandInCall, 'args'>, actionId: string): string {
  type Element = { action_id?: string; value?: string };
  const blocks = (call.args.blocks ?? []) as { elements?: Element[]; accessory?: Element }[];
  const button = blocks.flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).find((e) => e.action_id === actionId);
  if (button?.value === undefined) throw new Error(`no ${actionId} button`);
  return button.value;
}

/** Mia (Slack admin) sets up East, managed by Max, with the given reps, and West, managed by Wes. */
export async function setUpEastAndWest(h: Harness, eastReps: readonly Person[]): Promise<void> {
  await h.command(people.mia, '/pacer', 'team create East <#C0EAST|sales-east>');
  await h.command(people.mia, '/pacer', 'team create West <#C0WEST|sales-west>');
  await h.command(people.mia, '/pacer', `team East manager ${mention(people.max)}`);
  await h.command(people.mia, '/pacer', `team West manager ${mention(people.wes)}`);
  await h.command(people.max, '/pacer', `team East add ${eastReps.map(mention).join(' ')}`);
}

/** A clock a test moves by hand. */
export function manualClock(start: string): Clock & { set(iso: string): void } {
  let now = new Date(start);
  return { now: () => now, set: (iso) => (now = new Date(iso)) };
}

export interface Harness {
  slack: SlackStandIn;
  send: SlackSender;
  clock: ReturnType<typeof manualClock>;
  appUrl: string;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  /** The app's scheduler, never started: a test runs a pass with `tick()` at the clock's instant. */
  scheduler: Scheduler;
  /** Sends a slash command as a user and waits for the reply on its response_url. */
  command(user: StandInUser, command: string, text: string, channelId?: string): Promise<StandInCall>;
  /** Clicks a button of a message Pacer sent, and waits for the reply on its response_url. */
  click(user: StandInUser, actionId: string, value: string): Promise<StandInCall>;
  /** Waits until every listener has finished its work after ack() (replies, Home updates). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The real app over HTTP, on a throwaway database, talking to a recording stand-in for Slack. */
export async function startHarness(options: { now?: string } = {}): Promise<Harness> {
  const slack = await startSlackStandIn({ users: Object.values(people) });
  const database = await createTestDatabase();
  const clock = manualClock(options.now ?? '2026-11-25T11:00:00Z');
  const { app, deps, drain, scheduler } = createPacerApp({
    slack: {
      botToken: 'xoxb-e2e',
      signingSecret,
      apiUrl: slack.url,
      botId: standInIdentity.botId,
      botUserId: standInIdentity.botUserId,
      teamId: standInIdentity.teamId,
      logLevel: 'error',
      retryConfig: { retries: 0 },
    },
    prisma: database.prisma,
    clock,
  });
  const idle = () => drain(10_000);
  await app.init();
  const server = (await app.start(0)) as Server;
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  const send = createSlackSender({ appUrl, signingSecret });
  const answered = async (responseUrl: string) => {
    const reply = await slack.waitForCall('response_url', (c) => c.url === responseUrl, 30_000);
    await idle();
    return reply;
  };
  return {
    slack,
    send,
    clock,
    appUrl,
    scheduler,
    // Emptying the database also empties what the app keeps of it.
    database: {
      ...database,
      async reset() {
        await database.reset();
        deps.activityTypes.forget();
      },
    },
    async command(user, command, text, channelId = 'C0SALES') {
      const responseUrl = slack.responseUrl();
      const sent = await send.slashCommand({ teamId, userId: user.id, userName: user.name, command, text, channelId, responseUrl });
      if (sent.status !== 200) throw new Error(`${command} ${text} answered HTTP ${sent.status}`);
      return answered(responseUrl);
    },
    async click(user, actionId, value) {
      const responseUrl = slack.responseUrl();
      const sent = await send.blockAction({ teamId, userId: user.id, actionId, value, responseUrl });
      if (sent.status !== 200) throw new Error(`click ${actionId} answered HTTP ${sent.status}`);
      return answered(responseUrl);
    },
    idle,
    async close() {
      await idle();
      await app.stop();
      await database.close();
      await slack.close();
    },
  };
}

/**
 * One harness for a describe block: started before its tests, with an empty database
 * and a fresh call record before each, closed after. The returned object stands for it.
 */
export function usePacer(options: { now?: string; resetEach?: boolean } = {}): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness(options);
  });
  if (options.resetEach ?? true) {
    beforeEach(async () => {
      await current?.idle();
      await current?.database.reset();
      current?.slack.reset();
    });
  }
  afterAll(() => current?.close());
  return new Proxy({} as Harness, {
    get(_target, key: keyof Harness) {
      if (!current) throw new Error('usePacer() is ready inside tests only');
      return current[key];
    },
  });
}
