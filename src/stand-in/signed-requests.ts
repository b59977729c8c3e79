import { createHmac, randomBytes } from 'node:crypto';
import type { ViewStateValue } from '@slack/bolt';
import { standInIdentity } from './slack-web-api.js';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/**
 * Signs a request body as Slack does: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`.
 * https://api.slack.com/authentication/verifying-requests-from-slack
 */
export function signSlackRequest(signingSecret: string, rawBody: string, timestampSeconds: number): SlackSignatureHeaders {
  const hash = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${hash}`, 'x-slack-request-timestamp': String(timestampSeconds) };
}

export interface SlackSenderOptions {
  /** The app's events endpoint, e.g. `http://127.0.0.1:3000/slack/events`. */
  appUrl: string;
  signingSecret: string;
  /** Current time in epoch seconds, used for the signature timestamp. */
  now?: () => number;
}

export interface SentResponse {
  status: number;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
  elapsedMs: number;
}

export interface SlashCommandInput {
  teamId: string;
  userId: string;
  userName?: string;
  command: string;
  text: string;
  channelId?: string;
  channelName?: string;
  responseUrl: string;
  triggerId?: string;
}

export type BlockActionContainer =
  | { type: 'message'; message_ts: string; channel_id: string; is_ephemeral?: boolean }
  | { type: 'view'; view_id: string };

export interface BlockActionInput {
  teamId: string;
  userId: string;
  actionId: string;
  value?: string;
  blockId?: string;
  /** Element type; inferred from `selectedOption` / `selectedDate`, else `button`. */
  type?: string;
  responseUrl?: string;
  triggerId?: string;
  /** Where the element was: defaults to the view when `view` is given, else a message in `C0PACER01`. */
  container?: BlockActionContainer;
  /** The Home tab or modal holding the element (`type`, `callback_id`, `private_metadata`, `state`…). */
  view?: Record<string, unknown> & { id?: string };
  /** The message holding the element, as Slack echoes it back. */
  message?: Record<string, unknown>;
  selectedOption?: { value: string; text?: string };
  selectedDate?: string;
}

export interface ViewSubmissionInput {
  teamId: string;
  userId: string;
  callbackId: string;
  privateMetadata?: string;
  values: Record<string, Record<string, ViewStateValue>>;
  viewId?: string;
  /** The view under this one when it was pushed on top of another. */
  previousViewId?: string;
  blocks?: unknown[];
}

export interface EventInput {
  teamId: string;
  event: { type: string } & Record<string, unknown>;
  eventId?: string;
}

export interface SlackSender {
  slashCommand(input: SlashCommandInput): Promise<SentResponse>;
  blockAction(input: BlockActionInput): Promise<SentResponse>;
  viewSubmission(input: ViewSubmissionInput): Promise<SentResponse>;
  event(input: EventInput): Promise<SentResponse>;
  /**
   * Posts `body` signed with the sender's secret; `headers` override the computed ones
   * (`undefined` removes one), for forged, stale or unsigned requests.
   */
  post(body: string, contentType: string, headers?: Record<string, string | undefined>): Promise<SentResponse>;
}

// Slack's verification token is deprecated but still sent; Bolt ignores it.
const verificationToken = 'stand-in-verification-token';
// Bolt's receivers compare the content type exactly: a `; charset=…` suffix gets a 400.
const formType = 'application/x-www-form-urlencoded';
const plainText = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

export function createSlackSender(options: SlackSenderOptions): SlackSender {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const id = standInIdentity;
  const triggerId = (): string => `${Date.now()}.${id.teamId}.${randomBytes(16).toString('hex')}`;
  const user = (teamId: string, userId: string) => ({ id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId });
  const team = (teamId: string) => ({ id: teamId, domain: teamId === id.teamId ? id.teamDomain : teamId.toLowerCase() });

  async function post(body: string, contentType: string, headers: Record<string, string | undefined> = {}): Promise<SentResponse> {
    const merged: Record<string, string | undefined> = {
      'content-type': contentType,
      ...signSlackRequest(options.signingSecret, body, now()),
      ...headers,
    };
    const sent = Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const started = performance.now();
    const response = await fetch(options.appUrl, { method: 'POST', headers: sent, body });
    const text = await response.text();
    const elapsedMs = performance.now() - started;
    let json: unknown;
    try {
      json = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      json = undefined;
    }
    return { status: response.status, body: text, json, elapsedMs };
  }

  const postPayload = (payload: Record<string, unknown>): Promise<SentResponse> =>
    post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), formType);

  return {
    post,

    slashCommand(input) {
      const channelId = input.channelId ?? 'C0PACER01';
      const fields: Record<string, string> = {
        token: verificationToken,
        team_id: input.teamId,
        team_domain: team(input.teamId).domain,
        channel_id: channelId,
        channel_name: input.channelName ?? (channelId.startsWith('D') ? 'directmessage' : 'general'),
        user_id: input.userId,
        user_name: input.userName ?? input.userId.toLowerCase(),
        command: input.command,
        text: input.text,
        api_app_id: id.apiAppId,
        is_enterprise_install: 'false',
        response_url: input.responseUrl,
        trigger_id: input.triggerId ?? triggerId(),
      };
      return post(new URLSearchParams(fields).toString(), formType);
    },

    blockAction(input) {
      const view = input.view && {
        id: input.view.id ?? 'V0PACERVIEW', team_id: input.teamId, type: 'modal', blocks: [], private_metadata: '',
        callback_id: '', state: { values: {} }, hash: '1700000000.stand-in', app_id: id.apiAppId, bot_id: id.botId,
        ...input.view,
      };
      const container: BlockActionContainer =
        input.container ??
        (view ? { type: 'view', view_id: view.id } : { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0PACER01', is_ephemeral: false });
      const inMessage = container.type === 'message';
      const type = input.type ?? (input.selectedOption ? 'static_select' : input.selectedDate ? 'datepicker' : 'button');
      const action = {
        action_id: input.actionId,
        block_id: input.blockId ?? 'stand-in-block',
        type,
        ...(input.value !== undefined ? { value: input.value } : {}),
        ...(input.selectedOption
          ? { selected_option: { text: plainText(input.selectedOption.text ?? input.selectedOption.value), value: input.selectedOption.value } }
          : {}),
        ...(input.selectedDate !== undefined ? { selected_date: input.selectedDate } : {}),
        action_ts: `${now()}.000100`,
      };
      return postPayload({
        type: 'block_actions',
        user: user(input.teamId, input.userId),
        api_app_id: id.apiAppId,
        token: verificationToken,
        container,
        trigger_id: input.triggerId ?? triggerId(),
        team: team(input.teamId),
        enterprise: null,
        is_enterprise_install: false,
        ...(inMessage ? { channel: { id: container.channel_id, name: container.channel_id.startsWith('D') ? 'directmessage' : 'general' } } : {}),
        ...(inMessage && !container.is_ephemeral ? { message: input.message ?? { type: 'message', ts: container.message_ts, text: '' } } : {}),
        ...(view ? { view } : {}),
        ...(input.responseUrl !== undefined ? { response_url: input.responseUrl } : {}),
        actions: [action],
      });
    },

    viewSubmission(input) {
      const viewId = input.viewId ?? 'V0PACERVIEW';
      return postPayload({
        type: 'view_submission',
        team: team(input.teamId),
        user: user(input.teamId, input.userId),
        api_app_id: id.apiAppId,
        token: verificationToken,
        trigger_id: triggerId(),
        view: {
          id: viewId, team_id: input.teamId, type: 'modal', blocks: input.blocks ?? [],
          private_metadata: input.privateMetadata ?? '', callback_id: input.callbackId,
          state: { values: input.values }, hash: '1700000000.stand-in',
          title: plainText('Pacer'), clear_on_close: false, notify_on_close: false,
          close: plainText('Cancel'), submit: plainText('Save'),
          previous_view_id: input.previousViewId ?? null, root_view_id: input.previousViewId ?? viewId, app_id: id.apiAppId, external_id: '',
          app_installed_team_id: input.teamId, bot_id: id.botId,
        },
        response_urls: [],
        is_enterprise_install: false,
        enterprise: null,
      });
    },

    event(input) {
      const eventTime = now();
      const envelope = {
        token: verificationToken,
        team_id: input.teamId,
        api_app_id: id.apiAppId,
        event: { event_ts: `${eventTime}.000100`, ...input.event },
        type: 'event_callback',
        event_id: input.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
        event_time: eventTime,
        authorizations: [
          { enterprise_id: null, team_id: input.teamId, user_id: id.botUserId, is_bot: true, is_enterprise_install: false },
        ],
        is_ext_shared_channel: false,
        event_context: `4-stand-in-${randomBytes(4).toString('hex')}`,
      };
      return post(JSON.stringify(envelope), 'application/json');
    },
  };
}
