import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { config as readDotEnv } from 'dotenv';
import { z } from 'zod';
import { createPacerApp } from '../app.js';
import { systemClock } from '../clock.js';
import { PacerError } from '../errors.js';
import { createSlackSender } from '../stand-in/signed-requests.js';
import { startSlackStandIn, standInIdentity, type StandInCall, type StandInUser } from '../stand-in/slack-web-api.js';
import { submittedState } from '../stand-in/view-state.js';
import { openDatabase } from '../store/database.js';
import { renderBlocks, type ConsoleButton, type Rendered } from './render-text.js';

const usage = `Pacer console: you are a Slack user talking to the real Pacer, with no workspace needed.
  /log call 5, /goal calls 40 weekly, …   slash commands, exactly as in Slack (@name mentions work)
  :home                                  open your App Home
  :click N                               press button N of the last output
  :select N VALUE                        pick VALUE in menu N of the last output (a form's team picker)
  :submit field=value …                  submit the form on top (values with spaces in "quotes"; #channel for
                                         a channel, yes/no for a checkbox; fields left out keep what they show)
  :close                                 close the form on top, back to the one under it
  :user NAME [admin]                     become another user (created on first use)
  :help                                  this text         :quit   leave (or Ctrl-D)
Forms open with a bare /log or /goal, /pacer settings (a team's, for its managers) and /pacer types (admins).`;

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const modalView = z.looseObject({
  title: z.object({ text: z.string() }).optional(),
  callback_id: z.string().default(''),
  private_metadata: z.string().default(''),
  submit: z.unknown().optional(),
  blocks: z.array(z.unknown()).default([]),
});

/** A modal on the stack Slack keeps: views.open starts it, views.push adds one on top, views.update redraws one by id. */
interface OpenModal {
  viewId: string;
  view: z.infer<typeof modalView>;
  fields: Rendered['fields'];
}

/** The id Slack gave the view in its answer to views.open/push/update; none when the call failed. */
const answeredViewId = (call: StandInCall): string | undefined =>
  z.object({ view: z.object({ id: z.string() }) }).safeParse(call.response).data?.view.id;

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
  let modals: OpenModal[] = [];
  let showHome = false;
  const print = (heading: string, blocks: unknown, viewId?: string) => {
    const rendered = renderBlocks(blocks, names, buttons.length + 1, viewId);
    buttons.push(...rendered.buttons);
    const body = rendered.lines.flatMap((line) => line.split('\n')).map((line) => `  ${line}`);
    console.log(`${heading}\n${body.join('\n')}\n`);
    return rendered;
  };
  const showModal = (heading: string, viewId: string, view: OpenModal['view']): OpenModal => {
    const hint = view.submit ? 'fill it with :submit field=value …; * = required' : ':close closes it';
    const rendered = print(`${heading}: ${view.title?.text ?? ''}  (${hint})`, view.blocks, viewId);
    return { viewId, view, fields: rendered.fields };
  };
  /** Where a button or menu sits, as Slack reports it in the block action. */
  const surfaceOf = (viewId: string | undefined) => {
    const modal = modals.find((m) => m.viewId === viewId);
    if (modal) {
      const { view } = modal;
      return { view: { id: modal.viewId, type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, blocks: view.blocks, state: { values: submittedState(view) } } };
    }
    return viewId ? { view: { id: viewId, type: 'home' } } : { responseUrl: slack.responseUrl() };
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
      case 'views.open':
      case 'views.push':
      case 'views.update': {
        const viewId = answeredViewId(call);
        const parsed = modalView.safeParse(view);
        if (!viewId || !parsed.success) break;
        // Only a view still on the stack is on screen to be redrawn.
        if (call.method === 'views.update' && !modals.some((m) => m.viewId === viewId)) break;
        const heading = call.method === 'views.open' ? 'pacer opened a form' : call.method === 'views.push' ? 'pacer opened a form on top' : 'pacer redrew the form';
        const shown = showModal(heading, viewId, parsed.data);
        if (call.method === 'views.open') modals = [shown];
        else if (call.method === 'views.push') modals.push(shown);
        else modals = modals.map((m) => (m.viewId === viewId ? shown : m));
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
      if (button.options) {
        console.log(`${rest[0] ?? ''} is a menu: pick with :select ${rest[0] ?? ''} VALUE.`);
        return true;
      }
      buttons = [];
      await send.blockAction({ teamId: standInIdentity.teamId, userId: me.id, actionId: button.actionId, value: button.value, blockId: button.blockId, ...surfaceOf(button.viewId) });
    } else if (word === ':select') {
      const menu = buttons[Number(rest[0]) - 1];
      const wanted = rest.slice(1).join(' ').replace(/^"(.*)"$/, '$1').toLowerCase();
      const picked = menu?.options?.find((o) => o.value.toLowerCase() === wanted || o.text.toLowerCase() === wanted);
      if (!menu?.options || !picked) {
        console.log(menu?.options ? `Pick one of: ${menu.options.map((o) => o.text).join(', ')}.` : `No menu ${rest[0] ?? ''} in the last output.`);
        return true;
      }
      buttons = [];
      await send.blockAction({ teamId: standInIdentity.teamId, userId: me.id, actionId: menu.actionId, blockId: menu.blockId, selectedOption: picked, ...surfaceOf(menu.viewId) });
    } else if (word === ':submit') {
      const top = modals.at(-1);
      if (!top?.view.submit) {
        console.log(top ? 'This form has no submit button: :close closes it.' : 'No form is open. Type /log or /goal alone to open one.');
        return true;
      }
      const { typed, unknownField } = typedValues(top.fields, input.slice(word.length), channelNamed);
      if (unknownField !== undefined) {
        console.log(`No field “${unknownField}” in this form; it has: ${top.fields.map((f) => f.actionId).join(', ')}.`);
        return true;
      }
      const shown = buttons;
      buttons = [];
      const answer = await send.viewSubmission({
        teamId: standInIdentity.teamId, userId: me.id, callbackId: top.view.callback_id, privateMetadata: top.view.private_metadata,
        viewId: top.viewId, previousViewId: modals.at(-2)?.viewId, blocks: top.view.blocks, values: submittedState(top.view, typed),
      });
      const errors = z.object({ errors: z.record(z.string(), z.string()) }).safeParse(answer.json).data?.errors;
      if (errors) {
        buttons = shown;
        const fieldName = (blockId: string) => top.fields.find((f) => f.blockId === blockId)?.actionId ?? blockId;
        console.log(`The form is still open:\n${Object.entries(errors).map(([block, message]) => `  ${fieldName(block)}: ${message}`).join('\n')}\n`);
        return true;
      }
      modals = modals.filter((m) => m.viewId !== top.viewId);
    } else if (word === ':close') {
      const top = modals.pop();
      if (!top) {
        console.log('No form is open.');
        return true;
      }
      buttons = [];
      const under = modals.at(-1);
      if (under) showModal('Back to the form', under.viewId, under.view);
      else console.log(`Closed the form: ${top.view.title?.text ?? ''}\n`);
      return true;
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

/**
 * Reads `count=5 lead="Acme Corp"` as what the person typed, by action_id (a field may also be named by
 * its block_id, or the end of it). `#name` in a channel field names a channel as the commands do; an
 * empty value empties the field. `unknownField` is the first name that is no field of the form.
 */
function typedValues(fields: Rendered['fields'], text: string, channelNamed: (name: string) => string): { typed: Record<string, string | null>; unknownField?: string } {
  const typed: Record<string, string | null> = {};
  for (const m of text.matchAll(/([\w-]+)=(?:"([^"]*)"|(\S+))/g)) {
    const [, key = '', quoted, bare] = m;
    const field = fields.find((f) => f.actionId === key || f.blockId === key || f.blockId.endsWith(`_${key}`));
    if (!field) return { typed, unknownField: key };
    const value = quoted ?? bare ?? '';
    typed[field.actionId] = value === '' ? null : field.kind === 'conversations_select' && value.startsWith('#') ? channelNamed(value.slice(1)) : value;
  }
  return { typed };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

main().catch((error: unknown) => {
  console.error(error instanceof PacerError ? error.message : error);
  process.exit(1);
});
