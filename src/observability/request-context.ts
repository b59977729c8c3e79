import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who asked, in Slack's own names, carried on every log line written while Pacer handles a
 * request (listeners, services, Bolt itself, and the error handler at the end).
 */
export interface RequestFields {
  team_id?: string;
  enterprise_id?: string;
  user_id?: string;
  /** `/log` for a slash command, else `<kind>:<name>`, e.g. `block_actions:undo_log`. */
  command: string;
}

/** A request as metrics label it: a small, fixed set of kinds, each with its command, action, view or event name. */
export interface RequestLabels {
  type: string;
  name: string;
}

export interface SlackRequest {
  fields: RequestFields;
  labels: RequestLabels;
}

const current = new AsyncLocalStorage<SlackRequest>();

/** Runs `work`, and everything it starts, as part of `request`. */
export function withRequest<T>(request: SlackRequest, work: () => T): T {
  return current.run(request, work);
}

/** The request being handled, when there is one (scheduled work has none). */
export function currentRequest(): SlackRequest | undefined {
  return current.getStore();
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/**
 * Reads a request's kind and its workspace and user straight from the body Slack sent, before Bolt
 * parses it: slash commands are flat forms; interactions carry `team`/`user` objects; events
 * carry `team_id` and `event.user`. https://docs.slack.dev/interactivity/handling-user-interaction
 */
export function describeRequest(body: Record<string, unknown>): SlackRequest {
  const team = record(body.team);
  const user = record(body.user);
  const event = record(body.event);
  const enterprise = record(body.enterprise);
  const teamId = text(body.team_id) ?? text(team.id) ?? text(user.team_id) ?? text(event.team);
  const enterpriseId = text(body.enterprise_id) ?? text(enterprise.id);
  const userId = text(body.user_id) ?? text(user.id) ?? text(event.user) ?? text(record(event.user).id);
  const labels = labelsOf(body, event);
  const command = labels.type === 'command' ? labels.name : `${labels.type}:${labels.name}`;
  return {
    fields: {
      ...(teamId ? { team_id: teamId } : {}),
      ...(enterpriseId ? { enterprise_id: enterpriseId } : {}),
      ...(userId ? { user_id: userId } : {}),
      command,
    },
    labels,
  };
}

function labelsOf(body: Record<string, unknown>, event: Record<string, unknown>): RequestLabels {
  const command = text(body.command);
  if (command) return { type: 'command', name: command };
  const type = text(body.type) ?? 'unknown';
  if (type === 'event_callback') return { type: 'event', name: text(event.type) ?? 'unknown' };
  if (type === 'block_actions') {
    const [first] = Array.isArray(body.actions) ? body.actions : [];
    return { type, name: text(record(first).action_id) ?? 'unknown' };
  }
  if (type === 'view_submission' || type === 'view_closed') return { type, name: text(record(body.view).callback_id) ?? 'unknown' };
  return { type, name: text(body.callback_id) ?? text(body.action_id) ?? 'unknown' };
}
