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
import { openDatabase, parseDatabaseUrl } from '../store/database.js';
import { directoryPath, readDirectory, writeDirectory, type ConsolePerson } from './directory.js';
import { saveExport } from './export-file.js';
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

/**
 * How long the console waits for Pacer to finish a command before reading the next one. Only a
 * hang reaches it: the wait ends as soon as every listener is done.
 */
const answerCeilingMs = 120_000;

async function main(): Promise<void> {
  readDotEnv({ quiet: true });
  const { values: flags } = parseArgs({
    options: { user: { type: 'string', default: 'rita' }, admin: { type: 'boolean', default: false }, tz: { type: 'string' } },
  });
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const database = await openDatabase(databaseUrl, { command: 'npm run console' });
  const slack = await startSlackStandIn();
  const signingSecret = randomBytes(16).toString('hex');
  const { app, deps, drain } = createPacerApp({
    slack: { botToken: 'xoxb-console', signingSecret, apiUrl: slack.url, botId: standInIdentity.botId, botUserId: standInIdentity.botUserId, logLevel: 'error', retryConfig: { retries: 0 } },
    prisma: database.prisma,
    clock: systemClock,
  });
  const teamId = standInIdentity.teamId;

  const directoryFile = directoryPath(parseDatabaseUrl(databaseUrl));
  const directory = readDirectory(directoryFile);
  const users = new Map<string, StandInUser>();
  const names = new Map<string, string>();
  // People met before this console kept no directory (older data, another folder): Pacer's own record of
  // their names still shows them by name. The console made each real name from the typed one.
  for (const [id, name] of await deps.members.names(teamId, 'everyone')) names.set(id, name.toLowerCase());
  const standInUser = (key: string, person: ConsolePerson): StandInUser => ({
    id: person.id, name: key, realName: key[0]?.toUpperCase() + key.slice(1), tz: person.tz, locale: 'en-US', isAdmin: person.admin,
  });
  for (const [key, person] of Object.entries(directory.people)) {
    const user = standInUser(key, person);
    users.set(key, user);
    names.set(user.id, key);
    slack.setUser(user);
  }
  for (const [id, name] of Object.entries(directory.channels)) names.set(id, name);

  /**
   * Pacer keeps what users.info said for a day (member-profiles.ts), as Slack's profiles rarely
   * change. The console changes them at once (`--tz`, `--admin`, `:user NAME admin`), so it lets
   * the kept copy expire and Pacer asks the stand-in again on the next request.
   */
  const expireChangedProfile = async (user: StandInUser) => {
    const known = await deps.members.find(teamId, user.id);
    if (known && (known.timeZone !== user.tz || known.isAdmin !== Boolean(user.isAdmin))) {
      await deps.members.save({ ...known, refreshedAt: new Date(0) });
    }
  };
  /** A person of the stand-in workspace, made on first mention; `wanted` changes their zone or makes them an admin. */
  const userNamed = async (name: string, wanted: { admin?: boolean; tz?: string | undefined } = {}): Promise<StandInUser> => {
    const key = name.toLowerCase().replace(/^@/, '');
    const id = directory.people[key]?.id ?? `U${key.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(6, '0').slice(0, 10)}`;
    // Someone met before the console kept a directory is as Pacer last saw them.
    const seen = directory.people[key] ? undefined : await deps.members.find(teamId, id);
    const kept = directory.people[key] ?? (seen ? { id, tz: seen.timeZone, admin: seen.isAdmin } : undefined);
    const person: ConsolePerson = {
      id,
      tz: wanted.tz ?? kept?.tz ?? flags.tz ?? localZone,
      admin: wanted.admin === true || kept?.admin === true,
    };
    const existing = users.get(key);
    if (existing && kept?.tz === person.tz && kept.admin === person.admin) return existing;
    const user = standInUser(key, person);
    users.set(key, user);
    names.set(user.id, key);
    slack.setUser(user);
    directory.people[key] = person;
    writeDirectory(directoryFile, directory);
    await expireChangedProfile(user);
    return user;
  };
  const channelNamed = (name: string): string => {
    const id = `C${name.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 10)}`;
    names.set(id, name);
    if (directory.channels[id] !== name) {
      directory.channels[id] = name;
      writeDirectory(directoryFile, directory);
    }
    return id;
  };
  let me = await userNamed(flags.user, { admin: flags.admin, tz: flags.tz });

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
      case 'files.completeUploadExternal':
        showFiles(call);
        break;
    }
  });
  /** A file Pacer shared (an export): written to ./exports, with where it went and its first rows. */
  const showFiles = (call: StandInCall) => {
    const shared = z.object({ files: z.array(z.object({ id: z.string(), title: z.string() })) }).safeParse(call.response).data?.files ?? [];
    const channel = String(call.args.channel_id ?? '');
    const opened = slack.calls.find((c) => c.method === 'conversations.open' && z.object({ channel: z.object({ id: z.literal(channel) }) }).safeParse(c.response).success);
    const to = names.get(String(opened?.args.users ?? channel)) ?? channel;
    for (const file of shared) {
      const upload = slack.uploads.find((u) => u.fileId === file.id);
      if (!upload) continue;
      const saved = saveExport('exports', upload.filename, upload.bytes);
      const rows = (count: number) => `${count} ${count === 1 ? 'row' : 'rows'}`;
      const rest = saved.rows - (saved.preview.length - 1);
      const body = [...saved.preview, ...(rest > 0 ? [`… and ${rows(rest)} more`] : [])].map((line) => `  ${line}`).join('\n');
      console.log(`pacer → file in the DM of @${to}: ${file.title}\n  saved as ${saved.path} (${rows(saved.rows)}):\n${body}\n`);
    }
  };

  /**
   * Waits until Pacer has finished the command: every listener done with what it does after
   * ack(), so its replies are printed and the next line meets the state this one left.
   */
  const answered = async () => {
    const started = Date.now();
    await drain(answerCeilingMs);
    if (Date.now() - started >= answerCeilingMs) console.log(`(Pacer is still working on it after ${answerCeilingMs / 1000} s; its answer will show when it comes.)\n`);
  };

  const handle = async (line: string): Promise<boolean> => {
    const input = line.trim();
    if (input === '') return true;
    const [word = '', ...rest] = input.split(/\s+/);
    if (input.startsWith('/')) {
      buttons = [];
      let text = input.slice(word.length).trim();
      for (const name of new Set([...text.matchAll(/(?:^|\s)@([\w.-]+)/g)].map((m) => m[1] ?? ''))) await userNamed(name);
      text = text.replace(/(^|\s)@([\w.-]+)/g, (_m, space: string, name: string) => {
        const user = users.get(name.toLowerCase());
        return user ? `${space}<@${user.id}|${user.name}>` : `${space}@${name}`;
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
        await answered();
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
      me = await userNamed(rest[0], { admin: rest[1] === 'admin' });
      console.log(`You are now @${me.name}${me.isAdmin ? ' (workspace admin)' : ''}, in ${me.tz}.`);
      return true;
    } else if (word === ':quit' || word === ':q') {
      return false;
    } else {
      console.log(usage);
      return true;
    }
    await answered();
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
  await answered();
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

main().catch((error: unknown) => {
  console.error(error instanceof PacerError ? error.message : error);
  process.exit(1);
});
