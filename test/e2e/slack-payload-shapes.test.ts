import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildLogModal } from '../../blocks/modals.js';
import { createPacerApp, type PacerApp } from '../../src/app.js';
import { translator } from '../../src/i18n/index.js';
import { ids } from '../../src/slack/ids.js';
import { createSlackSender, type SlackSender } from '../../src/stand-in/signed-requests.js';
import { installCode, standInIdentity, startSlackStandIn, type SlackStandIn, type StandInCall, type StandInInstall } from '../../src/stand-in/slack-web-api.js';
import { submittedState } from '../../src/stand-in/view-state.js';
import { createWorkspaceClients } from '../../src/slack/workspace-clients.js';
import { createInstallationStore } from '../../src/store/installation-store.js';
import { appHomeOpened, appUninstalled, tokensRevoked } from '../fixtures/slack-payloads/events.js';
import { blockAction, type ShownView, type UsedElement, viewClosed, viewSubmission } from '../fixtures/slack-payloads/interactions.js';
import type { PayloadOrigin, PayloadUser, SlackRequest } from '../fixtures/slack-payloads/origins.js';
import { slashCommand } from '../fixtures/slack-payloads/slash-command.js';
import { manualClock, people, signingSecret } from '../support/pacer-harness.js';
import { createTestDatabase, testDatabaseAvailable, type TestDatabase } from '../support/test-database.js';

const oauth = { clientId: '1111111111.3333333333', clientSecret: 'oauth-client-secret', stateSecret: 'oauth-state-secret-0123456789' };
const text = (call: StandInCall) => JSON.stringify(call.args.blocks ?? call.args.text);

const plain: PayloadOrigin = {
  install: 'workspace', teamId: 'T0PLAIN', teamDomain: 'plain', enterpriseId: '', enterpriseName: '',
  apiAppId: standInIdentity.apiAppId, botUserId: 'U0PLAINBOT', botId: 'B0PLAINBOT',
};
const gridWorkspace: PayloadOrigin = {
  install: 'grid-workspace', teamId: 'T0GRIDWS', teamDomain: 'grid-ws', enterpriseId: 'E0GRID', enterpriseName: 'Grid Org',
  apiAppId: standInIdentity.apiAppId, botUserId: 'U0GRIDWSBOT', botId: 'B0GRIDWSBOT',
};
// An org-wide install: people act in one of the org's workspaces, the bot belongs to the org.
const orgWide: PayloadOrigin = {
  install: 'org', teamId: 'T0ORGWS', teamDomain: 'org-ws', enterpriseId: 'E0WIDE', enterpriseName: 'Wide Org',
  apiAppId: standInIdentity.apiAppId, botUserId: 'U0WIDEBOT', botId: 'B0WIDEBOT',
};

const cases = [
  { origin: plain, code: installCode.workspace(plain.teamId), row: { key: 'TT0PLAIN', teamId: 'T0PLAIN', enterpriseId: null } },
  { origin: gridWorkspace, code: installCode.gridWorkspace('E0GRID', 'T0GRIDWS'), row: { key: 'TT0GRIDWS', teamId: 'T0GRIDWS', enterpriseId: 'E0GRID' } },
  { origin: orgWide, code: installCode.org('E0WIDE'), row: { key: 'EE0WIDE', teamId: null, enterpriseId: 'E0WIDE' } },
];

const shownSchema = z.object({ view: z.object({ id: z.string(), hash: z.string() }) });
const elementSchema = z.object({
  action_id: z.string().optional(),
  value: z.string().optional(),
  // A context block's elements are text objects: their `text` is the string itself.
  text: z.union([z.object({ text: z.string() }), z.string()]).optional(),
  options: z.array(z.object({ value: z.string(), text: z.object({ text: z.string() }) })).optional(),
});
const blocksSchema = z.array(z.object({ block_id: z.string().optional(), element: elementSchema.optional(), accessory: elementSchema.optional(), elements: z.array(elementSchema).optional() }));

/** A view as Slack holds it after a views.open / views.publish call. */
function shownBy(call: StandInCall): ShownView {
  const { view } = shownSchema.parse(call.response);
  return { id: view.id, hash: view.hash, sent: z.record(z.string(), z.unknown()).parse(call.args.view) };
}

/** An element Pacer put on a surface, found by action_id, with the block that holds it. */
function elementOn(blocks: unknown, actionId: string): { blockId: string; element: z.infer<typeof elementSchema> } {
  for (const [index, block] of blocksSchema.parse(blocks).entries()) {
    const element = [block.element, block.accessory, ...(block.elements ?? [])].find((candidate) => candidate?.action_id === actionId);
    // Slack gives a block sent without a block_id one of its own, and reports that.
    if (element) return { blockId: block.block_id ?? `slack${index}`, element };
  }
  throw new Error(`no ${actionId} on the surface`);
}

function button(blocks: unknown, actionId: string): UsedElement {
  const { blockId, element } = elementOn(blocks, actionId);
  return { type: 'button', actionId, blockId, text: typeof element.text === 'string' ? element.text : (element.text?.text ?? ''), ...(element.value !== undefined ? { value: element.value } : {}) };
}

describe.skipIf(!testDatabaseAvailable())('Slack’s payloads as it sends them, for a workspace, a Grid workspace and a Grid org', () => {
  let slack: SlackStandIn;
  let database: TestDatabase;
  let pacer: PacerApp;
  let base: string;
  let send: SlackSender;
  let sequence = 0;
  const next = () => ++sequence;

  beforeAll(async () => {
    slack = await startSlackStandIn({ users: Object.values(people), oauthClient: oauth, orgWorkspaces: { [orgWide.enterpriseId]: [orgWide.teamId] } });
    database = await createTestDatabase();
    pacer = createPacerApp({
      slack: { signingSecret, apiUrl: slack.url, logLevel: 'error', retryConfig: { retries: 0 }, oauth: { ...oauth, installationStore: createInstallationStore(database.prisma) } },
      prisma: database.prisma,
      clock: manualClock('2026-11-25T11:00:00Z'),
    });
    await pacer.app.init();
    const server = (await pacer.app.start(0)) as Server;
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    send = createSlackSender({ appUrl: `${base}/slack/events`, signingSecret });
  });
  afterAll(async () => {
    await pacer?.drain(10_000);
    await pacer?.app.stop();
    await database?.close();
    await slack?.close();
  });

  /** The browser's round trip through /slack/install and Slack's authorize page, for the install `code` names. */
  async function install(code: string): Promise<StandInInstall> {
    const started = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const state = new URL(started.headers.get('location') ?? 'about:blank').searchParams.get('state') ?? '';
    const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const finished = await fetch(`${base}/slack/oauth_redirect?${new URLSearchParams({ code, state })}`, { redirect: 'manual', headers: { cookie } });
    expect(finished.status, await finished.text()).toBe(200);
    const installed = slack.installs.at(-1);
    if (!installed) throw new Error(`${code} was not installed`);
    return installed;
  }

  /** Posts a fixture signed, as Slack does, and expects it acknowledged. */
  async function deliver(request: SlackRequest) {
    const sent = await send.post(request.body, request.contentType);
    expect(sent.status, sent.body).toBe(200);
    return sent;
  }

  const installations = () => database.prisma.slackInstallation.findMany({ select: { key: true, teamId: true, enterpriseId: true } });

  describe.each(cases)('installed as $origin.install', ({ origin, code, row }) => {
    let installed: StandInInstall;
    const eventIds = () => ({ eventId: `Ev0FIXTURE${next()}`, eventTime: 1_790_000_000 + next() });
    const trigger = () => `${1_790_000_000 + next()}.${origin.teamId}.fixture`;
    const tokens = () => new Set(slack.calls.flatMap((call) => (call.token === undefined ? [] : [call.token])));

    async function command(user: PayloadUser, name: string, commandText: string): Promise<StandInCall> {
      const responseUrl = slack.responseUrl();
      await deliver(slashCommand(origin, { user, command: name, text: commandText, channelId: 'C0SALES', responseUrl, triggerId: trigger() }));
      const reply = await slack.waitForCall('response_url', (call) => call.url === responseUrl);
      await pacer.drain(10_000);
      return reply;
    }

    /** After an uninstall: a command and a Home tab opened later are acknowledged and get nothing. */
    async function expectNothingServed(): Promise<void> {
      slack.reset();
      const responseUrl = slack.responseUrl();
      await deliver(slashCommand(origin, { user: people.rita, command: '/log', text: 'call 1', channelId: 'C0SALES', responseUrl, triggerId: trigger() }));
      await deliver(appHomeOpened(origin, people.rita.id, eventIds()));
      await pacer.drain(10_000);
      expect(slack.calls).toEqual([]);
    }

    beforeEach(async () => {
      await pacer.drain(10_000);
      await database.reset();
      installed = await install(code);
      slack.reset();
    });

    it('stores the OAuth install where Slack’s Grid rules find it', async () => {
      expect(installed).toMatchObject({ botUserId: origin.botUserId, botId: origin.botId });
      expect(await installations()).toEqual([row]);
    });

    it('answers a slash command with that install’s token, and the Undo button of its ephemeral reply', async () => {
      const reply = await command(people.rita, '/log', 'call 2');
      expect(text(reply)).toContain('Logged *2 calls*');
      expect(slack.callsTo('users.info').map((call) => call.token)).toEqual([installed.botToken]);

      const responseUrl = slack.responseUrl();
      const undo = button(reply.args.blocks, ids.actions.undoLog);
      const surface = { in: 'message', channelId: 'C0SALES', messageTs: '1790000000.000100', ephemeral: true, responseUrl } as const;
      await deliver(blockAction(origin, { user: people.rita, surface, element: undo, triggerId: trigger(), actionTs: '1790000001.000200' }));
      await slack.waitForCall('response_url', (call) => call.url === responseUrl);
      await pacer.drain(10_000);
      expect(await database.prisma.activity.count({ where: { teamId: origin.teamId } })).toBe(0);
      expect(tokens()).toEqual(new Set([installed.botToken]));
    });

    it('publishes the Home tab; its button opens the log form, and the form’s submission is logged', async () => {
      await deliver(appHomeOpened(origin, people.rita.id, eventIds()));
      const published = await slack.waitForCall('views.publish');
      expect(published.args.user_id).toBe(people.rita.id);
      const home = shownBy(published);

      const triggerId = trigger();
      const open = button(home.sent.blocks, ids.actions.openLogModal);
      await deliver(blockAction(origin, { user: people.rita, surface: { in: 'home', view: home }, element: open, triggerId, actionTs: '1790000002.000300' }));
      const opened = await slack.waitForCall('views.open');
      expect(opened.args.trigger_id).toBe(triggerId);

      const form = shownBy(opened);
      const values = submittedState(form.sent, { type: 'call', count: '3' });
      await deliver(viewSubmission(origin, { user: people.rita, view: { ...form, values }, triggerId: trigger() }));
      const dm = await slack.waitForCall('chat.postMessage', (call) => text(call).includes('Logged *3 calls*'));
      expect(dm.token).toBe(installed.botToken);
      await pacer.drain(10_000);
      expect(await database.prisma.activity.count({ where: { teamId: origin.teamId, count: 3 } })).toBe(1);
      expect(tokens()).toEqual(new Set([installed.botToken]));
    });

    it('gives scheduled work (no request behind it) a client with this install’s token', async () => {
      const clients = createWorkspaceClients({ installations: createInstallationStore(database.prisma), apiUrl: slack.url });
      const client = await clients.clientFor(origin.teamId);
      expect(client).not.toBeNull();
      await client?.chat.postMessage({ channel: people.rita.id, text: 'nudge' });
      expect(slack.callsTo('chat.postMessage').map((call) => call.token)).toEqual([installed.botToken]);
      expect(await clients.clientFor('T0STRANGER')).toBeNull();
    });

    it('acknowledges a view_closed at once', async () => {
      const form = buildLogModal(translator('en-US'), ['call'], { channelId: null }, '2026-11-25');
      const view: ShownView = { id: 'V0CLOSED', hash: '1790000000.closed', sent: { ...form, notify_on_close: true } };
      // Bolt answers a request no listener acknowledged with a 404, after 3 s.
      const sent = await deliver(viewClosed(origin, { user: people.rita, view, isCleared: false }));
      expect(sent.body).toBe('');
    });

    it('redraws the settings form when its team picker changes: a block action from a modal', async () => {
      await command(people.mia, '/pacer', 'team create East <#C0EAST|sales-east>');
      await command(people.mia, '/pacer', 'team create West <#C0WEST|sales-west>');
      const responseUrl = slack.responseUrl();
      await deliver(slashCommand(origin, { user: people.mia, command: '/pacer', text: 'settings East', channelId: 'C0SALES', responseUrl, triggerId: trigger() }));
      const form = shownBy(await slack.waitForCall('views.open'));

      const { blockId, element } = elementOn(form.sent.blocks, ids.teamSettingsModal.team.action);
      const west = element.options?.find((option) => option.text.text.includes('West'));
      if (!west) throw new Error('no West in the team picker');
      const pick: UsedElement = { type: 'static_select', actionId: ids.teamSettingsModal.team.action, blockId, selected: { value: west.value, text: west.text.text } };
      await deliver(blockAction(origin, { user: people.mia, surface: { in: 'modal', view: form }, element: pick, triggerId: trigger(), actionTs: '1790000003.000400' }));
      const updated = await slack.waitForCall('views.update');
      expect(updated.args).toMatchObject({ view_id: form.id, hash: form.hash });
      expect(JSON.stringify(updated.args.view)).toContain('West');
      await pacer.drain(10_000);
      expect(tokens()).toEqual(new Set([installed.botToken]));
    });

    it('forgets the install on app_uninstalled: later requests get nothing', async () => {
      slack.uninstall(installed.teamId);
      await deliver(appUninstalled(origin, eventIds()));
      await pacer.drain(10_000);
      expect(await installations()).toEqual([]);
      await expectNothingServed();
    });

    it('forgets the install when its bot token is revoked, not for user tokens alone', async () => {
      await deliver(tokensRevoked(origin, { oauth: ['U0SOMEONE'], bot: [] }, eventIds()));
      await pacer.drain(10_000);
      expect(await installations()).toEqual([row]);

      slack.uninstall(installed.teamId);
      await deliver(tokensRevoked(origin, { oauth: [], bot: [origin.botUserId] }, eventIds()));
      await pacer.drain(10_000);
      expect(await installations()).toEqual([]);
      await expectNothingServed();
    });
  });

  it('an org-wide install serves every workspace of its org; a Grid workspace install only its own', async () => {
    await database.reset();
    const org = await install(installCode.org(orgWide.enterpriseId));
    await install(installCode.gridWorkspace(gridWorkspace.enterpriseId, gridWorkspace.teamId));
    slack.reset();
    const answered = async (origin: PayloadOrigin) => {
      const responseUrl = slack.responseUrl();
      await deliver(slashCommand(origin, { user: people.rita, command: '/log', text: 'call 1', channelId: 'C0SALES', responseUrl, triggerId: `${next()}.${origin.teamId}.fixture` }));
      await pacer.drain(10_000);
      return slack.calls.some((call) => call.url === responseUrl);
    };
    expect(await answered({ ...orgWide, teamId: 'T0ORGOTHER', teamDomain: 'org-other' })).toBe(true);
    expect(slack.callsTo('users.info').map((call) => call.token)).toEqual([org.botToken]);
    // Another workspace of the Grid workspace's org, which never installed Pacer.
    expect(await answered({ ...gridWorkspace, teamId: 'T0GRIDOTHER', teamDomain: 'grid-other' })).toBe(false);
  });
});
