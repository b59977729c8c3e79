import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { ActivityType } from '../src/domain/activity-types.js';
import { spokenLanguages, type WorkspaceVoice } from '../src/domain/spoken-words.js';
import { maxEstimatesPerQuotaUnit, organisations } from '../src/domain/sales-teams.js';
import type { WeeklySlot } from '../src/domain/team-schedules.js';
import type { Translator } from '../src/i18n/index.js';
import type { SettingsChoice } from '../src/services/team-directory.js';
import { ids, teamSettingsBlock } from '../src/slack/ids.js';
import { dailyDigestOff, rankingChoices, rankingValue } from '../src/slack/team-settings-form.js';
import { metricName } from './goal-text.js';
import { option, type ModalOrigin } from './modals.js';
import { weekdayName } from './team-replies.js';
import { limits, plain, section } from './text.js';

/** What the settings form carries in private_metadata: the team it shows, and where it was opened. */
export interface TeamSettingsTarget extends ModalOrigin {
  salesTeamId: string;
}

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
type Field = { block: string; action: string };

function input(block: string, label: string, hint: string | null, element: InputBlock['element'], optional = false): InputBlock {
  return {
    type: 'input',
    block_id: block,
    optional,
    label: plain(label, 2000),
    ...(hint ? { hint: plain(hint, 2000) } : {}),
    element,
  };
}

/** Every half hour of the day, and `keep` (a time set with `/pacer team … board`) where it falls between them. */
function timeOptions(keep: string | null): PlainTextOption[] {
  const halfHours = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
  const times = keep === null || halfHours.includes(keep) ? halfHours : [...halfHours, keep].sort();
  return times.map((t) => ({ text: plain(t, limits.optionText), value: t }));
}

function select(block: string, action: string, label: string, hint: string | null, options: PlainTextOption[], initial: string | null): InputBlock {
  return input(block, label, hint, { type: 'static_select', action_id: action, options, initial_option: options.find((o) => o.value === initial) });
}

/** On or off, weekday and time of a weekly post: a slot switched off keeps its day and time for when it is switched on. */
function weeklySlotFields(
  tr: Translator,
  slot: WeeklySlot,
  fields: { on: Field; day: Field; at: Field },
  text: { label: string; on: string; day: string; at: string },
): InputBlock[] {
  const onOption = option(tr, text.on, 'on');
  const weekdayOptions = weekdays.map((day) => option(tr, weekdayName(tr, day), String(day)));
  return [
    input(fields.on.block, text.label, null, { type: 'checkboxes', action_id: fields.on.action, options: [onOption], ...(slot.enabled ? { initial_options: [onOption] } : {}) }, true),
    select(fields.day.block, fields.day.action, text.day, null, weekdayOptions, String(slot.weekday)),
    select(fields.at.block, fields.at.action, text.at, tr.t('settings.atHint'), timeOptions(slot.at), slot.at),
  ];
}

/** Points, goal attainment, revenue and each active type, by the workspace's names for them. */
function rankingOptions(tr: Translator, types: readonly ActivityType[]): PlainTextOption[] {
  return rankingChoices(types).map(({ value, ranking }) => {
    const text =
      ranking.by === 'points' ? tr.t('board.rankingPoints') : ranking.by === 'goal' ? tr.t('board.rankingGoal') : tr.t('board.rankingMetric', { metric: metricName(tr, ranking.metric) });
    return option(tr, text, value);
  });
}

/** The team picker when the person runs several teams; picking one redraws the form with its values. */
function teamPicker(tr: Translator, choice: SettingsChoice): KnownBlock {
  const { team, teams } = choice;
  if (teams.length <= 1) return section(tr.t('settings.teamOnly', { name: team.name }));
  // A static select holds 100 options; the shown team is always one of them.
  const options = teams
    .filter((t, i) => i < limits.selectOptions - 1 || t.id === team.id)
    .map((t) => ({ text: plain(t.name, limits.optionText), value: t.id }));
  return {
    ...input(ids.teamSettingsModal.team.block, tr.t('settings.team'), tr.t('settings.teamHint'), {
      type: 'static_select',
      action_id: ids.teamSettingsModal.team.action,
      options,
      initial_option: options.find((o) => o.value === team.id),
    }),
    dispatch_action: true,
  };
}

/** The workspace's language and currency, for admins: they apply to every team. */
function workspaceFields(tr: Translator, voice: WorkspaceVoice): KnownBlock[] {
  const f = ids.teamSettingsModal;
  const languageOptions = spokenLanguages.map((language) => option(tr, tr.t(`pacer.languages.${language}`), language));
  return [
    { type: 'divider' },
    section(tr.t('settings.workspace')),
    select(f.language.block, f.language.action, tr.t('settings.language'), tr.t('settings.languageHint'), languageOptions, voice.language ?? 'en'),
    input(
      f.currency.block,
      tr.t('settings.currency'),
      tr.t('settings.currencyHint'),
      {
        type: 'plain_text_input',
        action_id: f.currency.action,
        max_length: 3,
        placeholder: plain(tr.t('settings.currencyPlaceholder'), limits.placeholder),
        ...(voice.currency ? { initial_value: voice.currency } : {}),
      },
      true,
    ),
  ];
}

/**
 * `/pacer settings`: one team's settings, filled in with what it has now; `types` are the workspace's, for the
 * ranking; `workspace` is the workspace's voice when an admin opens it (null: no workspace fields).
 */
export function buildTeamSettingsModal(
  tr: Translator,
  choice: SettingsChoice,
  types: readonly ActivityType[],
  origin: ModalOrigin,
  workspace: WorkspaceVoice | null = null,
): ModalView {
  const { team } = choice;
  const f = ids.teamSettingsModal;
  const block = (field: { block: string }) => teamSettingsBlock(field, team.id);
  const field = (base: Field): Field => ({ block: block(base), action: base.action });
  const dailyOptions = [option(tr, tr.t('settings.dailyDigestOff'), dailyDigestOff), ...timeOptions(team.digest.dailyAt)];
  const organisationOptions = organisations.map((o) => option(tr, tr.t(`settings.${o}`), o));
  const weekdayOptions = weekdays.map((day) => option(tr, weekdayName(tr, day), String(day)));
  const target: TeamSettingsTarget = { salesTeamId: team.id, channelId: origin.channelId };
  return {
    type: 'modal',
    callback_id: ids.views.teamSettings,
    title: plain(tr.t('settings.title'), limits.modalTitle),
    submit: plain(tr.t('settings.save'), limits.modalTitle),
    close: plain(tr.t('modal.cancel'), limits.modalTitle),
    private_metadata: JSON.stringify(target),
    blocks: [
      teamPicker(tr, choice),
      input(block(f.channel), tr.t('settings.channel'), tr.t('settings.channelHint'), {
        type: 'conversations_select',
        action_id: f.channel.action,
        initial_conversation: team.channelId,
        filter: { include: ['public'] },
      }),
      input(
        block(f.digest),
        tr.t('settings.digest'),
        tr.t('settings.digestHint'),
        {
          type: 'conversations_select',
          action_id: f.digest.action,
          ...(team.digestChannelId ? { initial_conversation: team.digestChannelId } : {}),
          filter: { include: ['public', 'private'] },
        },
        true,
      ),
      input(block(f.organisedBy), tr.t('settings.organisedBy'), null, {
        type: 'static_select',
        action_id: f.organisedBy.action,
        options: organisationOptions,
        initial_option: organisationOptions.find((o) => o.value === team.organisedBy),
      }),
      input(
        block(f.timeZone),
        tr.t('settings.timeZone'),
        tr.t('settings.timeZoneHint'),
        {
          type: 'plain_text_input',
          action_id: f.timeZone.action,
          max_length: 64,
          placeholder: plain(tr.t('settings.timeZonePlaceholder'), limits.placeholder),
          ...(team.timeZone ? { initial_value: team.timeZone } : {}),
        },
        true,
      ),
      input(block(f.weekStartsOn), tr.t('settings.weekStartsOn'), null, {
        type: 'static_select',
        action_id: f.weekStartsOn.action,
        options: weekdayOptions,
        initial_option: weekdayOptions.find((o) => o.value === String(team.weekStartsOn)),
      }),
      input(block(f.estimates), tr.t('settings.estimates'), tr.t('settings.estimatesHint', { max: maxEstimatesPerQuotaUnit }), {
        type: 'number_input',
        action_id: f.estimates.action,
        is_decimal_allowed: true,
        min_value: '0.5',
        max_value: String(maxEstimatesPerQuotaUnit),
        initial_value: String(team.estimatesPerQuotaUnit),
      }),
      ...weeklySlotFields(tr, team.board, { on: field(f.boardOn), day: field(f.boardDay), at: field(f.boardAt) }, {
        label: tr.t('settings.board'), on: tr.t('settings.boardOn'), day: tr.t('settings.boardDay'), at: tr.t('settings.boardAt'),
      }),
      select(block(f.ranking), f.ranking.action, tr.t('settings.ranking'), tr.t('settings.rankingHint'), rankingOptions(tr, types), rankingValue(team.ranking)),
      ...weeklySlotFields(tr, team.digest.weekly, { on: field(f.digestOn), day: field(f.digestDay), at: field(f.digestAt) }, {
        label: tr.t('settings.weeklyDigest'), on: tr.t('settings.weeklyDigestOn'), day: tr.t('settings.digestDay'), at: tr.t('settings.digestAt'),
      }),
      select(block(f.digestDaily), f.digestDaily.action, tr.t('settings.dailyDigest'), tr.t('settings.dailyDigestHint'), dailyOptions, team.digest.dailyAt ?? dailyDigestOff),
      ...(workspace ? workspaceFields(tr, workspace) : []),
    ],
  };
}
