import type { SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { buildActivityTypesModal } from '../../../../blocks/activity-types-modal.js';
import { buildContestCancelled, buildContestCreated, buildContestList } from '../../../../blocks/contests.js';
import { buildKudosCap } from '../../../../blocks/kudos.js';
import { buildHelp, buildNote } from '../../../../blocks/notice.js';
import { buildNudgeSettings } from '../../../../blocks/nudge.js';
import { buildTeamCard, buildTeamList, mentions } from '../../../../blocks/team-replies.js';
import { buildTeamSettingsModal } from '../../../../blocks/team-settings-modal.js';
import type { SlackMessage } from '../../../../blocks/text.js';
import { readRanking } from '../../../domain/board.js';
import type { Member } from '../../../domain/members.js';
import { defaultNudgePrefs, readAwayUntil } from '../../../domain/nudge-schedule.js';
import { parsePacerCommand, type PacerCommand } from '../../../domain/pacer-command.js';
import { localDate } from '../../../domain/periods.js';
import type { Translator } from '../../../i18n/index.js';
import { mapBounded } from '../../bounded.js';
import type { PacerDeps } from '../../deps.js';
import { shareWrittenFile } from '../../file-upload.js';
import { getProfiles, profileLookupConcurrency } from '../../member-profiles.js';
import { slashCommand } from './slash-command.js';

/** A member's attribute by the catalogue's name of what a team is organised by. */
const fieldKeys = { territory: 'settings.territory', productLine: 'settings.product', segment: 'settings.segment' } as const;

/** `/pacer`: help, team administration (`team …`, `settings`, `member …`, `admin [remove] …`) and CSV exports to the requester's DM. */
export function pacerCommand(deps: PacerDeps) {
  return slashCommand(deps, 'pacer', async ({ actor, tr, client, command, reply }) => {
    const answer = await runPacer(deps, client, command, actor, tr, parsePacerCommand(command.text, tr.decimal));
    if (answer) await reply(answer);
  });
}

/** The answer to the command; null when it opened a form instead. */
async function runPacer(
  deps: PacerDeps,
  client: WebClient,
  command: Pick<SlashCommand, 'trigger_id' | 'channel_id'>,
  actor: Member,
  tr: Translator,
  request: PacerCommand,
): Promise<SlackMessage | null> {
  const teams = deps.teamDirectory;
  // Looking people up in Slack also checks they exist and are not bots.
  const profiles = (userIds: readonly string[]) => getProfiles(deps.profiles, client, actor.teamId, userIds);
  /** Tells each person new to a team, in their DM and language; the change stands whether or not a DM goes. */
  const tellAdded = (people: readonly Member[], added: readonly string[], key: 'pacer.addedYou' | 'pacer.madeManager', team: string) =>
    mapBounded(people.filter((p) => added.includes(p.userId) && p.userId !== actor.userId), profileLookupConcurrency, async (person) => {
      const note = buildNote((await deps.speakers.reader(person)).t(key, { by: actor.userId, name: team }));
      await client.chat.postMessage({ channel: person.userId, ...note }).catch((error: unknown) => {
        deps.logger.warn(`Could not tell ${person.userId} in ${actor.teamId} about team ${team}`, error instanceof Error ? error.message : error);
      });
    });
  switch (request.action) {
    case 'help':
      return buildHelp(tr, 'pacer', []);
    case 'team.create': {
      const team = await teams.create(actor, request.name, request.channelId);
      return buildNote(tr.t('pacer.created', { name: team.name, channel: team.channelId }));
    }
    case 'team.list':
      return buildTeamList(tr, await teams.list(actor));
    case 'team.show':
      return buildTeamCard(tr, await teams.show(actor, request.team));
    case 'team.managers': {
      const people = await profiles(request.userIds);
      const { team, added } = await teams.addManagers(actor, request.team, people);
      await tellAdded(people, added, 'pacer.madeManager', team.name);
      return buildNote(tr.t('pacer.managersAdded', { people: mentions(request.userIds), count: request.userIds.length, name: team.name }));
    }
    case 'team.add': {
      const people = await profiles(request.userIds);
      const { team, added } = await teams.addMembers(actor, request.team, people);
      await tellAdded(people, added, 'pacer.addedYou', team.name);
      return buildNote(tr.t('pacer.membersAdded', { people: mentions(request.userIds), name: team.name }));
    }
    case 'team.remove': {
      const { team, removed } = await teams.removePeople(actor, request.team, request.userIds);
      return buildNote(removed.length > 0 ? tr.t('pacer.removed', { people: mentions(removed), name: team.name }) : tr.t('pacer.removedNobody', { name: team.name }));
    }
    case 'team.configure':
      return buildTeamCard(tr, await teams.configure(actor, request.team, request.settings));
    case 'team.ranking': {
      const ranking = readRanking(request.word, await deps.activityTypes.forWorkspace(actor.teamId));
      return buildTeamCard(tr, await teams.configure(actor, request.team, { ranking }));
    }
    case 'settings.open': {
      const choice = await teams.settingsChoice(actor, request.team === null ? null : { name: request.team });
      const [types, workspace] = await Promise.all([deps.activityTypes.forWorkspace(actor.teamId), deps.workspaceSettings.editableBy(actor)]);
      await client.views.open({ trigger_id: command.trigger_id, view: buildTeamSettingsModal(tr, choice, types, { channelId: command.channel_id }, workspace) });
      return null;
    }
    case 'types.open': {
      const view = buildActivityTypesModal(tr, await deps.activityCatalogue.forAdmin(actor));
      await client.views.open({ trigger_id: command.trigger_id, view });
      return null;
    }
    case 'member.set': {
      const [rep] = await profiles([request.userId]);
      if (rep) await teams.setAttribute(actor, rep, request.field, request.value);
      const vars = { rep: request.userId, field: tr.t(fieldKeys[request.field]), value: request.value ?? '' };
      return buildNote(tr.t(request.value === null ? 'pacer.attributeCleared' : 'pacer.attributeSet', vars));
    }
    case 'export': {
      const file = await deps.dataExport.export(actor, request.request, deps.clock.now());
      // A file is shared into a conversation id; a DM with the bot is opened for it.
      const dm = await client.conversations.open({ users: actor.userId });
      const rows = await shareWrittenFile(client, {
        channelId: dm.channel?.id ?? actor.userId,
        filename: file.filename,
        title: tr.t('pacer.exportTitle', { filename: file.filename, from: file.from, to: file.to }),
        write: (out) => file.writeTo(out),
      });
      return buildNote(tr.t('pacer.exported', { filename: file.filename, count: rows }));
    }
    case 'nudges.show':
      return buildNudgeSettings(tr, (await deps.members.nudgePrefs(actor.teamId, actor.userId)) ?? defaultNudgePrefs, actor.timeZone);
    case 'nudges.set': {
      const prefs = await deps.members.setNudgePrefs(actor.teamId, actor.userId, request.change);
      return buildNudgeSettings(tr, prefs ?? defaultNudgePrefs, actor.timeZone);
    }
    case 'away': {
      const until = request.until && readAwayUntil(request.until, localDate(deps.clock.now(), actor.timeZone));
      await deps.members.setNudgePrefs(actor.teamId, actor.userId, { awayUntil: until });
      return buildNote(until ? tr.t('pacer.awayUntil', { date: tr.date(until) }) : tr.t('pacer.awayOff'));
    }
    case 'admin.name': {
      const [person] = await profiles([request.userId]);
      if (person) await teams.nameAdmin(actor, person);
      return buildNote(tr.t('pacer.adminNamed', { person: request.userId }));
    }
    case 'contest.create':
      return buildContestCreated(tr, await deps.contests.create(actor, request.request, await deps.activityTypes.forWorkspace(actor.teamId)));
    case 'contest.list':
      return buildContestList(tr, await deps.contests.list(actor));
    case 'contest.cancel':
      return buildContestCancelled(tr, (await deps.contests.cancel(actor, request.name)).name);
    case 'language.show':
      return buildNote(tr.t('pacer.languageIs', { language: tr.t(`pacer.languages.${(await deps.workspaceSettings.voice(actor.teamId)).language ?? 'en'}`) }));
    case 'language.set':
      await deps.workspaceSettings.setLanguage(actor, request.language);
      return buildNote(tr.t('pacer.languageSet', { language: tr.t(`pacer.languages.${request.language}`) }));
    case 'currency.show': {
      const { currency } = await deps.workspaceSettings.voice(actor.teamId);
      return buildNote(currency === null ? tr.t('pacer.currencyNone') : tr.t('pacer.currencyIs', { currency, example: tr.money(12000) }));
    }
    case 'currency.set':
      await deps.workspaceSettings.setCurrency(actor, request.currency);
      return buildNote(request.currency === null ? tr.t('pacer.currencyCleared') : tr.t('pacer.currencySet', { currency: request.currency, example: (await deps.speakers.reader(actor)).money(12000) }));
    case 'kudos.show':
      return buildKudosCap(tr, await deps.kudos.dailyCap(actor.teamId), false);
    case 'kudos.cap':
      await deps.kudos.setDailyCap(actor, request.cap);
      return buildKudosCap(tr, request.cap, true);
    case 'admin.remove': {
      const [person] = await profiles([request.userId]);
      if (!person) return null;
      const { wasNamed, slackAdmin } = await teams.removeAdmin(actor, person);
      const said = wasNamed ? tr.t('pacer.adminRemoved', { person: person.userId }) : tr.t('pacer.adminNotNamed', { person: person.userId });
      return buildNote(slackAdmin ? `${said} ${tr.t('pacer.adminBySlack', { person: person.userId })}` : said);
    }
  }
}
