import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  BlockButtonAction,
  BlockDatepickerAction,
  BlockElementAction,
  BlockStaticSelectAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { buildSatisfactionModal, markNudgeItem } from '../../../../blocks/nudge.js';
import { buildNote } from '../../../../blocks/notice.js';
import type { Lead } from '../../../domain/leads.js';
import type { Member } from '../../../domain/members.js';
import { isIsoDate } from '../../../domain/periods.js';
import { PacerError } from '../../../errors.js';
import type { Translator } from '../../../i18n/index.js';
import { encodeCheckBackOrigin, readLeadButton, readSnooze } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { ids } from '../../ids.js';
import { teamIdOf } from '../../payloads.js';
import { answerAs, ephemeral, publishHome } from '../../replies.js';

type NudgeArgs<A extends BlockElementAction> = SlackActionMiddlewareArgs<BlockAction<A>> & AllMiddlewareArgs;

/** Where the clicked nudge is: the DM and the message's ts, to update it in place. */
export interface NudgeMessage {
  channel: string | null;
  ts: string | null;
}

interface NudgeContext {
  actor: Member;
  tr: Translator;
  lead: Lead;
  client: WebClient;
  triggerId: string;
  message: NudgeMessage;
}

/**
 * Replaces the item's buttons in the stored nudge with what was done, and posts the result
 * over the old message (the outbox keeps the copy, so later clicks build on this one).
 */
export async function markDone(deps: PacerDeps, client: WebClient, actor: Member, message: NudgeMessage, leadId: string, done: string): Promise<boolean> {
  if (!message.channel || !message.ts) return false;
  const sent = await deps.jobs.sentMessage(actor.teamId, message.channel, message.ts);
  if (!sent) return false;
  const updated = { text: sent.text, blocks: markNudgeItem(sent.blocks, leadId, done) };
  await client.chat.update({ channel: message.channel, ts: message.ts, text: updated.text, blocks: updated.blocks });
  await deps.jobs.rememberUpdate(actor.teamId, message.channel, message.ts, updated);
  return true;
}

/**
 * A nudge's buttons: ack, read which lead (untrusted: a value that does not read is refused),
 * re-check the clicker may still act on it, do the work, then mark the item done in place.
 */
function nudgeAction<A extends BlockElementAction>(
  deps: PacerDeps,
  read: (action: A, blockId: string) => { leadId: string; extra: string } | null,
  work: (context: NudgeContext, extra: string) => Promise<string | null>,
) {
  return async ({ ack, body, action, respond, client }: NudgeArgs<A>) => {
    await ack();
    await answerAs(deps, { client, teamId: teamIdOf(body), userId: body.user.id }, ephemeral(respond), async (actor, tr) => {
      const input = read(action, action.block_id);
      if (!input) throw new PacerError('stale_button');
      const lead = await deps.leadBook.forButton(actor, input.leadId);
      const container = body.container as { channel_id?: unknown; message_ts?: unknown };
      const message = {
        channel: typeof container.channel_id === 'string' ? container.channel_id : null,
        ts: typeof container.message_ts === 'string' ? container.message_ts : null,
      };
      const done = await work({ actor, tr, lead, client, triggerId: body.trigger_id, message }, input.extra);
      if (done === null) return;
      if (!(await markDone(deps, client, actor, message, lead.id, done))) await respond({ response_type: 'ephemeral', replace_original: false, ...buildNote(done) });
      await publishHome(deps, client, actor);
    });
  };
}

const leadOfBlock = (blockId: string) => (blockId.startsWith(ids.nudgeItemBlock) ? readLeadButton(`v1:${blockId.slice(ids.nudgeItemBlock.length)}`) : null);

type ButtonElement = BlockButtonAction['actions'][number];

/** A button whose value names the lead. */
const leadOfButton = (action: ButtonElement) => {
  const leadId = readLeadButton(action.value);
  return leadId ? { leadId, extra: '' } : null;
};

export function registerNudgeActions(app: App, deps: PacerDeps): void {
  app.action<BlockButtonAction>(
    ids.actions.nudgeTouched,
    nudgeAction<ButtonElement>(
      deps,
      leadOfButton,
      async ({ actor, tr, lead }) => {
        const { lead: touched } = await deps.leadBook.touch(actor, lead, null, null);
        return tr.t('nudge.doneTouched', { name: touched.name });
      },
    ),
  );
  app.action<BlockButtonAction>(
    ids.actions.nudgeLost,
    nudgeAction<ButtonElement>(
      deps,
      leadOfButton,
      async ({ actor, tr, lead }) => {
        await deps.leadBook.lost(actor, lead, null);
        return tr.t('nudge.doneLost', { name: lead.name });
      },
    ),
  );
  app.action<BlockStaticSelectAction>(
    ids.actions.nudgeSnooze,
    nudgeAction<BlockStaticSelectAction['actions'][number]>(
      deps,
      (action) => {
        const snooze = readSnooze(action.selected_option.value);
        return snooze ? { leadId: snooze.leadId, extra: String(snooze.days) } : null;
      },
      async ({ actor, tr, lead }, days) => {
        const { until } = await deps.leadBook.snooze(actor, lead, Number(days));
        return tr.t('nudge.doneSnoozed', { name: lead.name, date: tr.date(until) });
      },
    ),
  );
  app.action<BlockDatepickerAction>(
    ids.actions.nudgeReschedule,
    nudgeAction<BlockDatepickerAction['actions'][number]>(
      deps,
      (action, blockId) => {
        const leadId = leadOfBlock(blockId);
        const date = action.selected_date;
        return leadId && date && isIsoDate(date) ? { leadId, extra: date } : null;
      },
      async ({ actor, tr, lead }, date) => {
        await deps.leadBook.followUp(actor, lead, date);
        return tr.t('nudge.doneRescheduled', { name: lead.name, date: tr.date(date) });
      },
    ),
  );
  app.action<BlockButtonAction>(
    ids.actions.nudgeSatisfaction,
    nudgeAction<ButtonElement>(
      deps,
      leadOfButton,
      async ({ tr, lead, client, triggerId, message }) => {
        if (lead.stage !== 'won') throw new PacerError('lead_not_won', { name: lead.name });
        const metadata = encodeCheckBackOrigin({ leadId: lead.id, ...message });
        await client.views.open({ trigger_id: triggerId, view: buildSatisfactionModal(tr, lead.name, metadata) });
        return null;
      },
    ),
  );
}
