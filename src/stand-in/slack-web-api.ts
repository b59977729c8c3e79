import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UploadedFile } from '@slack/bolt';

/** A member of the stand-in workspace, as `users.info` reports it. */
export interface StandInUser {
  id: string;
  name: string;
  realName?: string;
  /** IANA zone; `tz_offset` is derived from it unless `tzOffset` (seconds) is given. */
  tz?: string;
  tzOffset?: number;
  locale?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isBot?: boolean;
  /** What `users.lookupByEmail` finds them by (and `users.info` shows in the profile). */
  email?: string;
}

export type StandInFault =
  | { status: 429; retryAfter: number }
  | { status: 500 }
  | { ok: false; error: string };

export interface StandInCall {
  /**
   * A Web API method name, `'response_url'` for a post to a response URL, `'file_upload'` for bytes sent
   * to an `upload_url`, or `'file_download'` for a GET of a file added with `addFile`.
   */
  method: string;
  args: Record<string, unknown>;
  /** Epoch milliseconds. */
  at: number;
  /** The HTTP status the stand-in answered (429/500 for injected faults). */
  status: number;
  /** The response URL posted to, for `response_url` calls. */
  url?: string;
  /** The token the call was made with (`Authorization: Bearer …`, else a `token` argument). */
  token?: string;
  /** The JSON the stand-in answered with, e.g. the id `views.open` gave the view (absent for a 500 or an upload). */
  response?: Record<string, unknown>;
}

/** A file sent to an `upload_url` from `files.getUploadURLExternal`, and where `files.completeUploadExternal` shared it. */
export interface StandInUpload {
  fileId: string;
  filename: string;
  bytes: Buffer;
  /** Set once the upload is completed: the `channel_id` it was shared to, and its title. */
  channelId?: string;
  title?: string;
}

/** A file someone chose in a modal's `file_input`: what `addFile` was given. */
export interface StandInFile {
  name: string;
  bytes: Buffer;
  /** Defaults from the extension: text/csv, text/plain, else application/octet-stream. */
  mimetype?: string;
  /** Who uploaded it; defaults to the stand-in's first user. */
  user?: string;
}

/** A workspace installed through `oauth.v2.access`, and the bot token it got. */
export interface StandInInstall {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  botId: string;
  installerId: string;
  /** Enterprise Grid: the org of a workspace install, or the org an org-wide install serves. */
  enterpriseId?: string;
  /** An org-wide install: `teamId` is then the org's id, as auth.test names it. */
  isEnterpriseInstall?: boolean;
}

export interface SlackStandInOptions {
  users?: StandInUser[];
  /** `wss://…` URL that `apps.connections.open` hands out; without it the method fails. */
  socketUrl?: string;
  /** When given, `oauth.v2.access` refuses other client credentials, as Slack does. */
  oauthClient?: { clientId: string; clientSecret: string };
  /** The workspaces of each Grid org (by enterprise id) that an org-wide install covers, as auth.teams.list lists them. */
  orgWorkspaces?: Record<string, string[]>;
}

export interface SlackStandIn {
  /** Base for `slackApiUrl`, with its trailing slash. */
  readonly url: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  responseUrl(): string;
  readonly calls: readonly StandInCall[];
  callsTo(method: string): StandInCall[];
  waitForCall(method: string, predicate?: (call: StandInCall) => boolean, timeoutMs?: number): Promise<StandInCall>;
  /** Runs `listener` on every later call; returns the unsubscribe function. */
  onCall(listener: (call: StandInCall) => void): () => void;
  setUser(user: StandInUser): void;
  /** What `dnd.info` answers for a user (Slack's fields, epoch seconds); unset: no Do Not Disturb. */
  setDnd(userId: string, status: Record<string, unknown> | null): void;
  /**
   * A file as a `file_input` reports it in a view_submission's state. Its bytes are served at its
   * `url_private(_download)` to a GET with a bearer token the stand-in accepts, as Slack serves them to files:read.
   */
  addFile(file: StandInFile): UploadedFile & { size: number };
  /** Files uploaded through `files.uploadV2`, oldest first (cleared by `reset()`). */
  readonly uploads: readonly StandInUpload[];
  /** Workspaces installed through `oauth.v2.access`, oldest first (kept by `reset()`, like users). */
  readonly installs: readonly StandInInstall[];
  /** Revokes every token of the workspace, as uninstalling does: calls with them get `token_revoked`. */
  uninstall(teamId: string): void;
  queueFault(method: string, fault: StandInFault): void;
  reset(): void;
  close(): Promise<void>;
}

/** The workspace and bot identity the stand-in answers `auth.test` with. */
export const standInIdentity = {
  teamId: 'T0PACER01', teamName: 'Pacer Stand-in', teamDomain: 'pacer-stand-in',
  botUserId: 'U0PACERBOT', botId: 'B0PACERBOT', botName: 'pacer', apiAppId: 'A0PACER01',
} as const;

// Slack's form-encoded clients send these as JSON strings (WebClient's serializeBody does).
const jsonFields = ['blocks', 'view', 'attachments', 'metadata'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? parsed : { body: parsed };
  }
  const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const field of jsonFields) {
    const value = args[field];
    if (typeof value === 'string') {
      try {
        args[field] = JSON.parse(value) as unknown;
      } catch {
        // Leave a malformed value as sent, so a test can see what the app got wrong.
      }
    }
  }
  return args;
}

/** Bot scopes the stand-in grants on install: manifest.yml's. */
const grantedScopes = 'commands,chat:write,chat:write.public,users:read,users:read.email,im:write,files:write,files:read,dnd:read';

/**
 * Slack's answer to exchanging an install's code. The code names the workspace being
 * installed (`T0SECOND` installs team T0SECOND), so a test can install several; see
 * `installCode` for Enterprise Grid. An org-wide install has no team.
 * https://docs.slack.dev/reference/methods/oauth.v2.access
 */
function oauthAccess(install: StandInInstall): Record<string, unknown> {
  const org = install.enterpriseId === undefined ? null : { id: install.enterpriseId, name: `Stand-in ${install.enterpriseId.slice(1)}` };
  return {
    ok: true, app_id: standInIdentity.apiAppId, authed_user: { id: install.installerId }, scope: grantedScopes,
    token_type: 'bot', access_token: install.botToken, bot_user_id: install.botUserId,
    team: install.isEnterpriseInstall ? null : { id: install.teamId, name: install.teamName },
    enterprise: org, is_enterprise_install: install.isEnterpriseInstall === true,
  };
}

/**
 * What an OAuth code installs: `T0ONE` a workspace, `E0ORG-T0ONE` a workspace of a Grid org,
 * `E0ORG` the org itself (an org-wide install).
 */
export const installCode = {
  workspace: (teamId: string) => teamId,
  gridWorkspace: (enterpriseId: string, teamId: string) => `${enterpriseId}-${teamId}`,
  org: (enterpriseId: string) => enterpriseId,
} as const;

const mimetypes = new Map([['csv', 'text/csv'], ['txt', 'text/plain']]);

/** Seconds east of UTC now, as Slack's `tz_offset`. */
function offsetSeconds(tz: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60);
}

function userInfo(user: StandInUser, includeLocale: boolean, teamId: string): Record<string, unknown> {
  const tz = user.tz ?? 'UTC';
  const realName = user.realName ?? user.name;
  return {
    id: user.id, team_id: teamId, name: user.name, real_name: realName, deleted: false,
    tz, tz_label: tz, tz_offset: user.tzOffset ?? offsetSeconds(tz),
    is_admin: user.isAdmin ?? false, is_owner: user.isOwner ?? false, is_primary_owner: false,
    is_bot: user.isBot ?? false, is_app_user: false,
    profile: { real_name: realName, display_name: user.name, ...(user.email ? { email: user.email } : {}) },
    ...(includeLocale ? { locale: user.locale ?? 'en-US' } : {}),
  };
}

export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const users = new Map((options.users ?? []).map((user) => [user.id, user]));
  const calls: StandInCall[] = [];
  const faults = new Map<string, StandInFault[]>();
  const listeners = new Set<(call: StandInCall) => void>();
  const dmChannels = new Map<string, string>();
  const installs: StandInInstall[] = [];
  const revoked = new Set<string>();
  const uploads: StandInUpload[] = [];
  const dnd = new Map<string, Record<string, unknown>>();
  const files = new Map<string, { bytes: Buffer; mimetype: string }>();
  let sequence = 0;
  const next = (): number => ++sequence;
  const nextTs = (): string => {
    const micros = next() * 100;
    return `${1_700_000_000 + Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  };
  const newId = (prefix: string): string => `${prefix}${String(next()).padStart(8, '0')}`;

  function install(code: unknown): StandInInstall | undefined {
    const match = typeof code === 'string' ? /^(?:(E[A-Z0-9]+)-)?(T[A-Z0-9]+)$|^(E[A-Z0-9]+)$/.exec(code) : null;
    if (!match) return undefined;
    const [, gridOf, workspace, org] = match;
    const teamId = workspace ?? org ?? '';
    const name = teamId.slice(1);
    const enterpriseId = gridOf ?? org;
    const installed: StandInInstall = {
      teamId, teamName: `Stand-in ${name}`, botToken: `xoxb-${teamId}-${next()}`,
      botUserId: `U${name}BOT`, botId: `B${name}BOT`, installerId: `U${name}ADMIN`,
      ...(enterpriseId ? { enterpriseId } : {}),
      ...(org ? { isEnterpriseInstall: true } : {}),
    };
    installs.push(installed);
    return installed;
  }

  function oauthRefusal(args: Record<string, unknown>): string | undefined {
    if (!options.oauthClient) return undefined;
    if (args.client_id !== options.oauthClient.clientId) return 'invalid_client_id';
    if (args.client_secret !== options.oauthClient.clientSecret) return 'bad_client_secret';
    return undefined;
  }

  function answer(method: string, args: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    // The newest install of a token's workspace speaks for it; any other token is the default bot.
    const installed = installs.findLast((candidate) => candidate.botToken === token);
    const bot = installed
      ? { ...standInIdentity, teamId: installed.teamId, teamName: installed.teamName, teamDomain: installed.teamId.toLowerCase(), botUserId: installed.botUserId, botId: installed.botId }
      : standInIdentity;
    const message = (ts: string): Record<string, unknown> => ({
      type: 'message', user: bot.botUserId, bot_id: bot.botId, team: bot.teamId, ts,
      text: args.text ?? '', blocks: args.blocks, attachments: args.attachments,
    });
    const view = (id: string): Record<string, unknown> => ({
      id, team_id: bot.teamId, app_id: bot.apiAppId, bot_id: bot.botId, hash: `${next()}.stand-in`,
      state: { values: {} }, ...(isRecord(args.view) ? args.view : {}),
    });
    switch (method) {
      case 'auth.test':
        return {
          ok: true, url: `https://${bot.teamDomain}.${installed?.isEnterpriseInstall ? 'enterprise.' : ''}slack.com/`, team: bot.teamName, team_id: bot.teamId,
          user: bot.botName, user_id: bot.botUserId, bot_id: bot.botId, is_enterprise_install: installed?.isEnterpriseInstall === true,
          ...(installed?.enterpriseId ? { enterprise_id: installed.enterpriseId } : {}),
        };
      // An org-wide install covers the org's workspaces named in the options and those installed one by one.
      case 'auth.teams.list': {
        if (!installed?.isEnterpriseInstall) return { ok: true, teams: [{ id: bot.teamId, name: bot.teamName }] };
        const org = installed.enterpriseId ?? '';
        const covered = new Set([...(options.orgWorkspaces?.[org] ?? []), ...installs.filter((i) => i.enterpriseId === org && !i.isEnterpriseInstall).map((i) => i.teamId)]);
        return { ok: true, teams: [...covered].map((id) => ({ id, name: `Stand-in ${id.slice(1)}` })), response_metadata: { next_cursor: '' } };
      }
      case 'users.info': {
        const user = typeof args.user === 'string' ? users.get(args.user) : undefined;
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: userInfo(user, args.include_locale === true || args.include_locale === 'true', bot.teamId) };
      }
      // https://docs.slack.dev/reference/methods/users.lookupByEmail
      case 'users.lookupByEmail': {
        const email = typeof args.email === 'string' ? args.email.toLowerCase() : '';
        const user = [...users.values()].find((candidate) => candidate.email?.toLowerCase() === email);
        return user ? { ok: true, user: userInfo(user, false, bot.teamId) } : { ok: false, error: 'users_not_found' };
      }
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        const ts = nextTs();
        return { ok: true, channel: args.channel, ts, message_ts: ts, message: message(ts) };
      }
      case 'chat.update': {
        const ts = typeof args.ts === 'string' ? args.ts : nextTs();
        return { ok: true, channel: args.channel, ts, text: args.text ?? '', message: message(ts) };
      }
      case 'views.open':
      case 'views.publish':
      case 'views.push':
        return { ok: true, view: view(newId('V')) };
      case 'views.update':
        return { ok: true, view: view(typeof args.view_id === 'string' ? args.view_id : newId('V')) };
      case 'conversations.open': {
        const key = typeof args.users === 'string' ? args.users : String(args.channel ?? '');
        const id = dmChannels.get(key) ?? newId('D');
        dmChannels.set(key, id);
        return { ok: true, channel: { id } };
      }
      case 'oauth.v2.access': {
        const refusal = oauthRefusal(args);
        if (refusal) return { ok: false, error: refusal };
        const installed = install(args.code);
        return installed ? oauthAccess(installed) : { ok: false, error: 'invalid_code' };
      }
      // files.uploadV2 = getUploadURLExternal, a POST of the bytes, completeUploadExternal.
      // https://docs.slack.dev/messaging/working-with-files#upload
      case 'files.getUploadURLExternal': {
        if (typeof args.filename !== 'string' || args.length === undefined) return { ok: false, error: 'invalid_arguments' };
        const fileId = newId('F');
        uploads.push({ fileId, filename: args.filename, bytes: Buffer.alloc(0) });
        return { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files: unknown = typeof args.files === 'string' ? JSON.parse(args.files) : args.files;
        if (!Array.isArray(files)) return { ok: false, error: 'invalid_arguments' };
        const shared = files.flatMap((file: unknown) => {
          const upload = isRecord(file) ? uploads.find((u) => u.fileId === file.id) : undefined;
          if (!upload || !isRecord(file)) return [];
          if (typeof args.channel_id === 'string') upload.channelId = args.channel_id;
          if (typeof file.title === 'string') upload.title = file.title;
          return [{ id: upload.fileId, title: upload.title ?? upload.filename, name: upload.filename }];
        });
        return shared.length === files.length ? { ok: true, files: shared } : { ok: false, error: 'file_not_found' };
      }
      case 'dnd.info': {
        const status = typeof args.user === 'string' ? dnd.get(args.user) : undefined;
        return { ok: true, dnd_enabled: false, next_dnd_start_ts: 1, next_dnd_end_ts: 1, snooze_enabled: false, ...status };
      }
      // Of other people Slack reports scheduled quiet hours only (https://docs.slack.dev/reference/methods/dnd.teamInfo).
      case 'dnd.teamInfo': {
        const ids = typeof args.users === 'string' ? args.users.split(',').filter(Boolean) : [];
        const quiet = { dnd_enabled: false, next_dnd_start_ts: 1, next_dnd_end_ts: 1 };
        return { ok: true, users: Object.fromEntries(ids.map((id) => [id, { ...quiet, ...dnd.get(id) }])) };
      }
      case 'apps.connections.open':
        return options.socketUrl ? { ok: true, url: options.socketUrl } : { ok: false, error: 'not_allowed_token_type' };
      default:
        return { ok: true };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const uploadId = /^\/upload\/(F\w+)$/.exec(path)?.[1];
    const fileId = /^\/files\/(F\w+)$/.exec(path)?.[1];
    if (req.method === 'GET' && fileId) {
      serveFile(fileId, /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1], res);
      return;
    }
    if (req.method === 'POST' && uploadId) {
      await receiveUpload(uploadId, Buffer.concat(chunks), req.headers['content-type'], res);
      return;
    }
    const api = /^\/api\/([\w.]+)$/.exec(path);
    const isResponseUrl = /^\/response\/[\w-]+$/.test(path);
    if (req.method !== 'POST' || (!api && !isResponseUrl)) {
      res.writeHead(404).end();
      return;
    }
    const method = api?.[1] ?? 'response_url';
    let args: Record<string, unknown>;
    try {
      args = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'invalid_json' }));
      return;
    }
    const fault = faults.get(method)?.shift();
    const status = fault && 'status' in fault ? fault.status : 200;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    const serverError = fault !== undefined && 'status' in fault && fault.status === 500;
    // oauth.v2.access is the one method called without a token: the client credentials stand in.
    const body = serverError
      ? undefined
      : fault
        ? { ok: false, error: 'error' in fault ? fault.error : 'ratelimited' }
        : isResponseUrl
          ? { ok: true }
          : method === 'oauth.v2.access'
            ? answer(method, args, undefined)
            : token === undefined
              ? { ok: false, error: 'not_authed' }
              : revoked.has(token)
                ? { ok: false, error: 'token_revoked' }
                : answer(method, args, token);
    const call: StandInCall = {
      method, args, at: Date.now(), status,
      ...(isResponseUrl ? { url: `${base}${path}` } : {}),
      ...(token !== undefined ? { token } : {}),
      ...(body !== undefined ? { response: body } : {}),
    };
    calls.push(call);
    for (const listener of [...listeners]) listener(call);

    if (body === undefined) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      return;
    }
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      ...(fault && 'retryAfter' in fault ? { 'retry-after': String(fault.retryAfter) } : {}),
    }).end(JSON.stringify(body));
  }

  /** WebClient posts the bytes as multipart form data, in a part named `body`. */
  async function receiveUpload(fileId: string, raw: Buffer, contentType: string | undefined, res: ServerResponse): Promise<void> {
    const upload = uploads.find((u) => u.fileId === fileId);
    let bytes = raw;
    if (contentType?.startsWith('multipart/form-data')) {
      const part = (await new Response(raw, { headers: { 'content-type': contentType } }).formData()).get('body');
      bytes = typeof part === 'string' ? Buffer.from(part) : part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    }
    const call: StandInCall = { method: 'file_upload', args: { file_id: fileId, length: bytes.length }, at: Date.now(), status: upload ? 200 : 404 };
    calls.push(call);
    for (const listener of [...listeners]) listener(call);
    if (!upload) {
      res.writeHead(404).end();
      return;
    }
    upload.bytes = bytes;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
  }

  /** Only to a bearer token a Web API call could use; anything else finds nothing, as a missing scope would. */
  function serveFile(fileId: string, token: string | undefined, res: ServerResponse): void {
    const file = files.get(fileId);
    const allowed = file !== undefined && token !== undefined && !revoked.has(token);
    const call: StandInCall = { method: 'file_download', args: { file_id: fileId }, at: Date.now(), status: allowed ? 200 : 404, ...(token !== undefined ? { token } : {}) };
    calls.push(call);
    for (const listener of [...listeners]) listener(call);
    if (!allowed) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.mimetype, 'content-length': String(file.bytes.length) }).end(file.bytes);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Node closes an idle keep-alive connection after 5 s. When the app's event loop is busy longer than that
  // (in-memory PGlite saving thousands of rows runs on the same thread), its next call can be written onto
  // the socket as the stand-in closes it, an ECONNRESET real Slack, which keeps connections longer, does not cause.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${base}/api/`,
    teamId: standInIdentity.teamId,
    botUserId: standInIdentity.botUserId,
    botId: standInIdentity.botId,
    responseUrl: () => `${base}/response/${next()}`,
    get calls() {
      return calls;
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitForCall(method, predicate = () => true, timeoutMs = 30_000) {
      const matches = (call: StandInCall): boolean => call.method === method && predicate(call);
      const existing = calls.find(matches);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const listener = (call: StandInCall): void => {
          if (!matches(call)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(call);
        };
        const timer = setTimeout(() => {
          listeners.delete(listener);
          const seen = calls.map((call) => call.method).join(', ') || 'none';
          reject(new Error(`No matching ${method} call within ${timeoutMs} ms (calls so far: ${seen})`));
        }, timeoutMs);
        listeners.add(listener);
      });
    },
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setUser: (user) => void users.set(user.id, user),
    addFile(file) {
      const id = newId('F');
      const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
      const mimetype = file.mimetype ?? mimetypes.get(extension) ?? 'application/octet-stream';
      const user = file.user ?? users.keys().next().value ?? 'U0UPLOADER';
      files.set(id, { bytes: file.bytes, mimetype });
      const created = Math.floor(Date.now() / 1000);
      const url = `${base}/files/${id}`;
      return {
        id, created, timestamp: created, name: file.name, title: file.name, mimetype, size: file.bytes.length,
        // Slack's filetype for .txt is "text"; other extensions are their own.
        filetype: extension === 'txt' ? 'text' : extension,
        user, user_team: standInIdentity.teamId,
        url_private: url, url_private_download: `${url}?download=1`, permalink: `${base}/permalink/${id}`,
      };
    },
    setDnd: (userId, status) => void (status ? dnd.set(userId, status) : dnd.delete(userId)),
    get uploads() {
      return uploads;
    },
    get installs() {
      return installs;
    },
    uninstall(teamId) {
      for (const installed of installs) if (installed.teamId === teamId) revoked.add(installed.botToken);
    },
    queueFault(method, fault) {
      faults.set(method, [...(faults.get(method) ?? []), fault]);
    },
    reset() {
      calls.length = 0;
      uploads.length = 0;
      files.clear();
      faults.clear();
      dnd.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
