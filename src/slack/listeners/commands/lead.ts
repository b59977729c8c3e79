import { buildLeadModal } from '../../../../blocks/lead-modal.js';
import {
  buildFollowUpSet,
  buildLeadAdded,
  buildLeadAssigned,
  buildLeadHandedOver,
  buildLeadList,
  buildLeadLost,
  buildLeadTouched,
  buildLeadWon,
  buildPipeline,
  buildStageSet,
} from '../../../../blocks/lead-replies.js';
import { buildHelp } from '../../../../blocks/notice.js';
import { parseLeadCommand, readAssignRest, readFollowUpDate, readLostReason, readStage, readWonAmount, type LeadScope } from '../../../domain/lead-command.js';
import { leadRows } from '../../../domain/lead-list.js';
import { readTouch } from '../../../domain/lead-touch.js';
import { isOpenStage, type LeadDraft } from '../../../domain/leads.js';
import { localDate } from '../../../domain/periods.js';
import type { SalesTeam } from '../../../domain/sales-teams.js';
import { PacerError } from '../../../errors.js';
import type { PacerDeps } from '../../deps.js';
import { publishHome } from '../../replies.js';
import { openLeadImport } from './lead-import.js';
import { slashCommand, type CommandContext } from './slash-command.js';

/**
 * `/lead`: bare opens the form; `help`, `add`, `list`, `pipeline`, and `touch`, `followup`, `stage`,
 * `won`, `lost`, `assign` on a lead found by name; `import` opens the CSV form. Each action is one line of the switch.
 */
export function leadCommand(deps: PacerDeps) {
  return slashCommand(deps, 'lead', async (context) => {
    const today = localDate(deps.clock.now(), context.actor.timeZone);
    const request = parseLeadCommand(context.command.text, { today, decimal: context.tr.decimal });
    const lead = leadActions(deps, context, today);
    switch (request.action) {
      case 'modal': return lead.openForm();
      case 'help': return lead.help();
      case 'add': return lead.add(request.draft);
      case 'list': return lead.list(request.scope);
      case 'pipeline': return lead.pipeline(request.scope);
      case 'touch': return lead.touch(request.subject);
      case 'followup': return lead.followUp(request.subject);
      case 'stage': return lead.stage(request.subject);
      case 'won': return lead.won(request.subject);
      case 'lost': return lead.lost(request.subject);
      case 'assign': return lead.assign(request.subject, request.userId);
      case 'import': return openLeadImport(context.client, context.command.trigger_id, context.tr);
    }
  });
}

/** A scope as replies name it: a team by its own spelling. */
const named = (scope: LeadScope, team: SalesTeam | null): LeadScope => (team ? { type: 'team', name: team.name } : scope);

function leadActions(deps: PacerDeps, { actor, tr, command, client, reply }: CommandContext, today: string) {
  const changed = () => publishHome(deps, client, actor);

  return {
    async openForm() {
      await client.views.open({ trigger_id: command.trigger_id, view: buildLeadModal(tr, { channelId: command.channel_id }) });
    },
    async help() {
      await reply(buildHelp(tr, 'lead', []));
    },
    async add(draft: LeadDraft) {
      const lead = await deps.leadBook.add(actor, draft);
      await reply(buildLeadAdded(tr, lead, today));
      await changed();
    },
    async list(scope: LeadScope) {
      const { leads, team } = await deps.leadBook.list(actor, scope);
      await reply(buildLeadList(tr, leadRows(leads, deps.clock.now(), actor.timeZone), named(scope, team), actor.userId));
    },
    async pipeline(scope: LeadScope) {
      const report = await deps.leadBook.pipeline(actor, scope);
      await reply(buildPipeline(tr, report, named(scope, report.team), actor.userId));
    },
    async touch(subject: readonly string[]) {
      const { lead, rest } = await deps.leadBook.findOwn(actor, subject);
      const { activity, note } = readTouch(rest, await deps.activityTypes.forWorkspace(actor.teamId));
      const touched = await deps.leadBook.touch(actor, lead, note, activity);
      await reply(buildLeadTouched(tr, lead, touched.lead, note, touched.logged));
      await changed();
    },
    async followUp(subject: readonly string[]) {
      const { lead, rest } = await deps.leadBook.findOwn(actor, subject);
      const updated = await deps.leadBook.followUp(actor, lead, readFollowUpDate(rest, today));
      await reply(buildFollowUpSet(tr, updated, today));
      await changed();
    },
    async stage(subject: readonly string[]) {
      const { lead, rest } = await deps.leadBook.findOwn(actor, subject);
      const stage = readStage(rest);
      if (!isOpenStage(stage)) throw new PacerError('lead_stage_closing', { name: lead.name });
      await reply(buildStageSet(tr, await deps.leadBook.moveStage(actor, lead, stage)));
      await changed();
    },
    async won(subject: readonly string[]) {
      const { lead, rest } = await deps.leadBook.findOwn(actor, subject);
      await reply(buildLeadWon(tr, await deps.leadBook.won(actor, lead, readWonAmount(rest, tr.decimal))));
      await changed();
    },
    async lost(subject: readonly string[]) {
      const { lead, rest } = await deps.leadBook.findOwn(actor, subject);
      const { lead: lostLead } = await deps.leadBook.lost(actor, lead, readLostReason(rest));
      await reply(buildLeadLost(tr, lostLead));
      await changed();
    },
    async assign(subject: readonly string[], userId: string) {
      const { lead, rest } = await deps.leadBook.findToHand(actor, subject, userId);
      readAssignRest(rest);
      const member = (id: string) => (id === actor.userId ? Promise.resolve(actor) : deps.profiles.get(client, actor.teamId, id));
      const to = await member(userId);
      const handed = await deps.leadBook.assign(actor, lead, to);
      await reply(buildLeadAssigned(tr, handed, lead.ownerId));
      if (to.userId !== actor.userId) {
        const told = buildLeadHandedOver(await deps.speakers.reader(to), handed, actor.userId, localDate(deps.clock.now(), to.timeZone));
        await client.chat.postMessage({ channel: to.userId, ...told });
      }
      for (const owner of new Set([actor.userId, to.userId, lead.ownerId])) await publishHome(deps, client, await member(owner));
    },
  };
}
