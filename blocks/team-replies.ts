import type { KnownBlock } from '@slack/types';
import type { Ranking } from '../src/domain/board.js';
import type { SalesTeam } from '../src/domain/sales-teams.js';
import type { WorkspaceVoice } from '../src/domain/spoken-words.js';
import type { Translator } from '../src/i18n/index.js';
import { metricName } from './goal-text.js';
import { context, limits, plain, section, type SlackMessage } from './text.js';

export function mentions(userIds: readonly string[]): string {
  return userIds.map((id) => `<@${id}>`).join(', ');
}

export function weekdayName(tr: Translator, weekday: number): string {
  return tr.weekday(weekday);
}

/** `/pacer team list`: each team with its channel, managers and size; as many as a message holds. */
export function buildTeamList(tr: Translator, teams: readonly SalesTeam[]): SlackMessage {
  const title = tr.t('pacer.listTitle');
  if (teams.length === 0) return { text: title, blocks: [section(`*${title}*`), section(tr.t('pacer.listEmpty'))] };
  const lines = teams.map((team) =>
    tr.t('pacer.listLine', {
      name: team.name,
      channel: team.channelId,
      managers: team.managers.length > 0 ? tr.t('pacer.managersSome', { people: mentions(team.managers) }) : tr.t('pacer.managersNone'),
      count: team.members.length,
    }),
  );
  const blocks: KnownBlock[] = [section(`*${title}*`)];
  // Ten teams a section keeps each under Slack's 3000 characters.
  for (let i = 0; i < lines.length && blocks.length < limits.messageBlocks; i += 10) blocks.push(section(lines.slice(i, i + 10).join('\n')));
  return { text: title, blocks };
}

/** `/pacer team East`: members, managers, channels and settings; after an admin's settings form, the workspace's too. */
export function buildTeamCard(tr: Translator, team: SalesTeam, workspace: WorkspaceVoice | null = null): SlackMessage {
  const title = tr.t('pacer.showTitle', { name: team.name });
  const people = (ids: readonly string[]) => (ids.length > 0 ? mentions(ids) : tr.t('pacer.nobody'));
  return {
    text: title,
    blocks: [
      { type: 'header', text: plain(title, limits.headerText) },
      section(`${tr.t('pacer.showManagers', { people: people(team.managers) })}\n${tr.t('pacer.showMembers', { people: people(team.members) })}`),
      section(
        tr.t('pacer.showChannels', {
          channel: team.channelId,
          digest: team.digestChannelId ? `<#${team.digestChannelId}>` : tr.t('pacer.noDigest', { name: team.name }),
        }),
      ),
      context(
        tr.t('pacer.showSettings', {
          organisedBy: tr.t(`settings.${team.organisedBy}`),
          timeZone: team.timeZone ?? tr.t('pacer.teamZoneUnset'),
          weekStart: weekdayName(tr, team.weekStartsOn),
          estimates: tr.number(team.estimatesPerQuotaUnit, 2),
        }),
      ),
      context(`${boardScheduleText(tr, team)}\n${digestScheduleText(tr, team)}`),
      ...(workspace
        ? [
            context(
              tr.t('settings.workspaceSaved', {
                language: tr.t(`pacer.languages.${workspace.language ?? 'en'}`),
                currency: workspace.currency ?? tr.t('settings.noCurrency'),
              }),
            ),
          ]
        : []),
    ],
  };
}

function rankingText(tr: Translator, ranking: Ranking): string {
  if (ranking.by === 'points') return tr.t('board.rankingPoints');
  if (ranking.by === 'goal') return tr.t('board.rankingGoal');
  return tr.t('board.rankingMetric', { metric: metricName(tr, ranking.metric) });
}

/** "Board: Monday 09:00, by points", as the team card and the settings reply show it. */
export function boardScheduleText(tr: Translator, team: Pick<SalesTeam, 'board' | 'ranking'>): string {
  if (!team.board.enabled) return tr.t('board.scheduleOff');
  return tr.t('board.scheduleOn', { weekday: weekdayName(tr, team.board.weekday), at: team.board.at, ranking: rankingText(tr, team.ranking) });
}

export function digestScheduleText(tr: Translator, team: Pick<SalesTeam, 'digest'>): string {
  const { weekly, dailyAt } = team.digest;
  return tr.t('board.digestSchedule', {
    weekly: weekly.enabled ? tr.t('board.digestWeekly', { weekday: weekdayName(tr, weekly.weekday), at: weekly.at }) : tr.t('board.digestWeeklyOff'),
    daily: dailyAt ? tr.t('board.digestDaily', { at: dailyAt }) : '',
  });
}
