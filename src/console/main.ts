import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { ViewStateValue } from '@slack/bolt';
import { config as readDotEnv } from 'dotenv';
import { createPacerApp } from '../app.js';
import { systemClock } from '../clock.js';
import { PacerError } from '../errors.js';
import { createSlackSender } from '../stand-in/signed-requests.js';
import { startSlackStandIn, standInIdentity, type StandInCall, type StandInUser } from '../stand-in/slack-web-api.js';
import { openDatabase } from '../store/database.js';
import { renderBlocks, type ConsoleButton, type Rendered } from './render-text.js';

const usage = `Pacer console: you are a Slack user talking to the real Pacer, with no workspace needed.
  /log call 5, /goal calls 40 weekly, …   slash commands, exactly as in Slack (@name mentions work)
  :home                                  open your App Home
  :click N                               press button N of the last output
  :submit field=value …                  submit the open form (values with spaces in "quotes")
  :user NAME [admin]                     become another user (created on first use)
  :help                                  this text         :quit   leave (or Ctrl-D)`;

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface OpenModal {
  viewId: string;
  callbackId: string;
  privateMetadata: string;
  fields: Rendered['fields'];
}

async function main(): Promise<void> {
  readDotEnv({ quiet: true });
  const { values: flags } = parseArgs({
    options: { user: { type: 'string', default: 'rita' }, admin: { type: 'boolean', default: false }, tz: { type: 'string', default: localZone } },
  });
  const database = await openDatabase(process.env.DATABASE_URL || undefined, { command: 'npm run console' });
  const slack = await startSlackStandIn();
  const users = new Map<string, StandInUser>();
  const names = new Map<string, string>();
  const userNamed = (name: string, admin = false): StandInUser => {
    const key = name.toLowerCase().replace(/^@/, '');
    const existing = users.get(key);
    if (existing && !admin) return existing;
    const user: StandInUser = { id: `U${key.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(6, '0').slice(0, 10)}`, name: key, realName: key[0]?.toUpperCase() + key.slice(1), tz: flags.tz, locale: 'en-US', isAdmin: admin || existing?.isAdmin };
    users.set(key, user);
    names.set(user.id, user.name);
    slack.setUser(user);
    return user;
  };
  let me = userNamed(flags.user, flags.admin);
  const channelNamed = (name: string): string => {
    const id = `C${name.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 10)}`;
    names.set(id, name);
    return id;
  };

  const signingSecret = randomBytes(16).toString('hex');
  const { app } = createPacerApp({
    slack: { botToken: 'xoxb-console', signingSecret, apiUrl: slack.url, botId: standInIdentity.botId, botUserId: standInIdentity.botUserId, logLevel: 'error', retryConfig: { retries: 0 } },
    prisma: database.prisma,
    clock: systemClock,
  });
  await app.init();
  const server = (await app.start(0)) as Server;
  const send = createSlackSender({ appUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, signingSecret });

  let buttons: ConsoleButton[] = [];
  let modal: OpenModal | null = null;
  let showHome = false;
  const print = (heading: string, blocks: unknown, viewId?: string) => {
    const rendered = renderBlocks(blocks, names, buttons.length + 1, viewId);
    buttons.push(...rendered.buttons);
    const body = rendered.lines.flatMap((line) => line.split('\n')).map((line) => `  ${line}`);
    console.log(`${heading}\n${body.join('\n')}\n`);
    return rendered;
  };
  slack.onCall((call: StandInCall) => {
    const args = call.args;
    const view = typeof args.view === 'object' && args.view !== null ? (args.view as Record<string, unknown>) : {};
    switch (call.method) {
      case 'response_url':
        print(`pacer (only you can see this${args.replace_original === true ? ', replacing the message above' : ''}):`, args.blocks);
        break;
      case 'chat.postEphemeral':
        print('pacer (only you can see this):', args.blocks);
        break;
      case 'chat.postMessage':
        print(`pacer → DM to @${names.get(String(args.channel)) ?? String(args.channel)}:`, args.blocks);
        break;
      case 'views.open': {
        const viewId = `V${randomBytes(4).toString('hex').toUpperCase()}`;
        const title = (view.title as { text?: string } | undefined)?.text ?? '';
        const rendered = print(`pacer opened a form: ${title}  (fill it with :submit field=value …; * = required)`, view.blocks);
        modal = { viewId, callbackId: String(view.callback_id), privateMetadata: String(view.private_metadata ?? ''), fields: rendered.fields };
        break;
      }
      case 'views.publish':
        if (showHome && args.user_id === me.id) {
          showHome = false;
          print(`App Home of @${me.name}:`, view.blocks, 'VHOME');
        }
        break;
    }
  });

  // Wait for Pacer's answers: the first call, then a short quiet spell.
  const settle = async (before: number) => {
    const deadline = Date.now() + 5000;
    while (slack.calls.length === before && Date.now() < deadline) await sleep(20);
    let seen = -1;
    while (seen !== slack.calls.length && Date.now() < deadline) {
      seen = slack.calls.length;
      await sleep(150);
    }
  };

  const handle = async (line: string): Promise<boolean> => {
    const input = line.trim();
    if (input === '') return true;
    const before = slack.calls.length;
    const [word = '', ...rest] = input.split(/\s+/);
    if (input.startsWith('/')) {
      buttons = [];
      const text = input.slice(word.length).trim().replace(/(^|\s)@([\w.-]+)/g, (_m, space: string, name: string) => {
        const user = userNamed(name);
        return `${space}<@${user.id}|${user.name}>`;
      }).replace(/(^|\s)#([\w-]+)/g, (_m, space: string, name: string) =>
        // As if every #name were a channel: Slack then sends a link, which /log and /goal read as a product line.
        `${space}<#${channelNamed(name)}|${name}>`,
      );
      await send.slashCommand({ teamId: standInIdentity.teamId, userId: me.id, userName: me.name, command: word, text, channelId: 'C0CONSOLE', responseUrl: slack.responseUrl() });
    } else if (word === ':home') {
      buttons = [];
      showHome = true;
      await send.event({ teamId: standInIdentity.teamId, event: { type: 'app_home_opened', user: me.id, channel: 'D0CONSOLE', tab: 'home' } });
    } else if (word === ':click') {
      const button = buttons[Number(rest[0]) - 1];
      if (!button) {
        console.log(`No button ${rest[0] ?? ''} in the last output.`);
        return true;
      }
      buttons = [];
      await send.blockAction({
        teamId: standInIdentity.teamId, userId: me.id, actionId: button.actionId, value: button.value, blockId: button.blockId,
        ...(button.viewId ? { view: { id: button.viewId, type: 'home' } } : { responseUrl: slack.responseUrl() }),
      });
    } else if (word === ':submit') {
      if (!modal) {
        console.log('No form is open. Type /log or /goal alone to open one.');
        return true;
      }
      const answer = await send.viewSubmission({ teamId: standInIdentity.teamId, userId: me.id, callbackId: modal.callbackId, privateMetadata: modal.privateMetadata, viewId: modal.viewId, values: formValues(modal.fields, input.slice(word.length)) });
      const errors = (answer.json as { errors?: Record<string, string> } | undefined)?.errors;
      if (errors) {
        console.log(`The form is still open:\n${Object.entries(errors).map(([field, message]) => `  ${field}: ${message}`).join('\n')}\n`);
        return true;
      }
      modal = null;
    } else if (word === ':user' && rest[0]) {
      me = userNamed(rest[0], rest[1] === 'admin');
      console.log(`You are now @${me.name}${me.isAdmin ? ' (workspace admin)' : ''}, in ${me.tz}.`);
      return true;
    } else if (word === ':quit' || word === ':q') {
      return false;
    } else {
      console.log(usage);
      return true;
    }
    await settle(before);
    return true;
  };

  const interactive = process.stdin.isTTY === true;
  console.log(`Pacer console — data in ${database.describe}. You are @${me.name}${me.isAdmin ? ' (admin)' : ''} in ${me.tz}. Type :help for help.\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  const prompt = () => `${me.name}> `;
  if (interactive) {
    rl.setPrompt(prompt());
    rl.prompt();
  }
  for await (const line of rl) {
    if (!interactive && line.trim() !== '') console.log(`${prompt()}${line}`);
    if (!(await handle(line))) break;
    if (interactive) {
      rl.setPrompt(prompt());
      rl.prompt();
    }
  }
  rl.close();
  await app.stop();
  await slack.close();
  await database.close();
}

/** Turns `count=5 lead="Acme Corp"` into the state.values Slack would send for the open form. */
function formValues(fields: Rendered['fields'], text: string): Record<string, Record<string, ViewStateValue>> {
  const values: Record<string, Record<string, ViewStateValue>> = {};
  for (const m of text.matchAll(/([\w-]+)=(?:"([^"]*)"|(\S+))/g)) {
    const [, key = '', quoted, bare] = m;
    const field = fields.find((f) => f.actionId === key || f.blockId === key || f.blockId.endsWith(`_${key}`));
    if (!field) continue;
    const value = quoted ?? bare ?? '';
    const state: ViewStateValue =
      field.kind === 'static_select' ? { type: field.kind, selected_option: { text: { type: 'plain_text', text: value }, value } }
      : field.kind === 'datepicker' ? { type: field.kind, selected_date: value }
      : { type: field.kind, value };
    values[field.blockId] = { [field.actionId]: state };
  }
  for (const field of fields) values[field.blockId] ??= { [field.actionId]: { type: field.kind, value: null } };
  return values;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

main().catch((error: unknown) => {
  console.error(error instanceof PacerError ? error.message : error);
  process.exit(1);
});
