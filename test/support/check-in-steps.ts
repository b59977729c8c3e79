import { expect } from 'vitest';
import { z } from 'zod';
import { ids } from '../../src/slack/ids.js';
import type { StandInCall } from '../../src/stand-in/slack-web-api.js';
import { submittedState } from '../../src/stand-in/view-state.js';
import { buttonValue, people, setUpEastAndWest, teamId, type Harness, type Person } from './pacer-harness.js';

export const viewSchema = z.looseObject({ callback_id: z.string(), private_metadata: z.string(), blocks: z.array(z.unknown()) });
export type View = z.infer<typeof viewSchema>;
export const viewOf = (call: StandInCall) => viewSchema.parse(call.args.view);
export const questionOrder = (view: View) => z.object({ q: z.array(z.object({ id: z.string() })) }).parse(JSON.parse(view.private_metadata)).q.map((q) => q.id);

/** Types a command that opens a form, as Slack sends it with a trigger, and waits for the form. */
export async function openForm(h: Harness, person: Person, command: string, text: string): Promise<View> {
  const triggerId = `trigger-${person.id}-${command}-${text}-${h.slack.callsTo('views.open').length}`;
  await h.send.slashCommand({ teamId, userId: person.id, userName: person.name, command, text, channelId: 'C0SALES', responseUrl: h.slack.responseUrl(), triggerId });
  const opened = await h.slack.waitForCall('views.open', (c) => c.args.trigger_id === triggerId);
  await h.idle();
  return viewOf(opened);
}

export async function submit(h: Harness, person: Person, view: View, typed: Record<string, string | null> = {}) {
  const answer = await h.send.viewSubmission({ teamId, userId: person.id, callbackId: view.callback_id, privateMetadata: view.private_metadata, values: submittedState(view, typed) });
  expect(answer.status).toBe(200);
  await h.idle();
  return answer;
}

/** Clicks a button inside an open form; the form comes back redrawn by views.update. */
export async function clickInForm(h: Harness, person: Person, view: View, actionId: string, value: string): Promise<View> {
  const before = h.slack.callsTo('views.update').length;
  const sent = await h.send.blockAction({ teamId, userId: person.id, actionId, value, view: { ...view, id: 'V0SETUP', state: { values: submittedState(view) } } });
  expect(sent.status).toBe(200);
  await h.idle();
  const updates = h.slack.callsTo('views.update');
  expect(updates.length).toBe(before + 1);
  return viewOf(updates.at(-1)!);
}

/** Each person has been seen by Pacer (their profile and time zone are kept). */
export async function meet(h: Harness, ...who: Person[]) {
  for (const person of who) await h.command(person, '/goal', 'list');
}

export const dmsTo = (h: Harness, person: Person) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === person.id);
export const managersChannel = 'C0MGRS';
/** Wednesday 2 Dec 2026, 11:00 in Warsaw: two days before the check-in. */
export const wednesday = '2026-12-02T10:00:00Z';
export const inManagersChannel = (h: Harness) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === managersChannel);

/** East (Max manages Rita in Warsaw and Bob in New York) with its managers' channel, and its check-in saved as the form opens. */
export async function setUpCheckIn(h: Harness) {
  h.clock.set(wednesday);
  await setUpEastAndWest(h, [people.rita, people.bob]);
  await h.command(people.max, '/pacer', 'team East digest <#C0MGRS|east-managers>');
  await meet(h, people.rita, people.bob, people.max);
  await submit(h, people.max, await openForm(h, people.max, '/checkin', 'setup'));
  h.slack.reset();
}

/** Opens Rita's form from the button of her DM. */
export async function openFromDm(h: Harness, person: Person, dm: StandInCall): Promise<View> {
  const triggerId = `trigger-start-${person.id}-${h.slack.callsTo('views.open').length}`;
  await h.send.blockAction({ teamId, userId: person.id, actionId: ids.checkIn.actions.start, value: buttonValue(dm, ids.checkIn.actions.start), triggerId, container: { type: 'message', message_ts: String(dm.response?.ts), channel_id: person.id } });
  const opened = await h.slack.waitForCall('views.open', (c) => c.args.trigger_id === triggerId);
  await h.idle();
  return viewOf(opened);
}

export const fine = { a_wins: 'Signed Acme', a_blockers: 'none', a_confidence: '4', a_help: 'no', a_commitment: 'Call 40 leads' };
