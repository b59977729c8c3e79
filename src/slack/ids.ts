const switchSettingsTeam = 'settings.switch_team';

/** Every action_id, callback_id and block_id Pacer puts on a surface, in one place. */
export const ids = {
  actions: {
    undoLog: 'log.undo',
    undoGoal: 'goal.undo',
    removeGoal: 'goal.remove',
    openLogModal: 'home.open_log',
    openGoalModal: 'home.open_goal',
    editActivityType: 'types.edit',
    addActivityType: 'types.add',
    switchSettingsTeam,
  },
  views: {
    logModal: 'log.modal',
    goalModal: 'goal.modal',
    activityTypes: 'types.list',
    activityTypeForm: 'types.form',
    teamSettings: 'settings.modal',
  },
  logModal: {
    type: { block: 'log_type', action: 'type' },
    count: { block: 'log_count', action: 'count' },
    amount: { block: 'log_amount', action: 'amount' },
    lead: { block: 'log_lead', action: 'lead' },
    product: { block: 'log_product', action: 'product' },
    note: { block: 'log_note', action: 'note' },
  },
  activityTypeForm: {
    label: { block: 'type_label', action: 'label' },
    plural: { block: 'type_plural', action: 'plural' },
    aliases: { block: 'type_aliases', action: 'aliases' },
    unit: { block: 'type_unit', action: 'unit' },
    points: { block: 'type_points', action: 'points' },
    active: { block: 'type_active', action: 'active' },
  },
  goalModal: {
    metric: { block: 'goal_metric', action: 'metric' },
    target: { block: 'goal_target', action: 'target' },
    period: { block: 'goal_period', action: 'period' },
    startsOn: { block: 'goal_starts_on', action: 'starts_on' },
    endsOn: { block: 'goal_ends_on', action: 'ends_on' },
    product: { block: 'goal_product', action: 'product' },
    note: { block: 'goal_note', action: 'note' },
  },
  /** The team picker's block_id is used as it is; the fields' are bases for `teamSettingsBlock`. */
  teamSettingsModal: {
    team: { block: 'settings_team', action: switchSettingsTeam },
    channel: { block: 'settings_channel', action: 'channel' },
    digest: { block: 'settings_digest', action: 'digest' },
    organisedBy: { block: 'settings_organised_by', action: 'organised_by' },
    timeZone: { block: 'settings_time_zone', action: 'time_zone' },
    weekStartsOn: { block: 'settings_week_starts_on', action: 'week_starts_on' },
    estimates: { block: 'settings_estimates', action: 'estimates' },
  },
} as const;

/**
 * A settings field's block_id names the team it shows. Slack keeps what an input holds across
 * views.update when its block_id and action_id stay the same, so switching the form to another
 * team would keep showing the first team's values (https://docs.slack.dev/reference/views/modal-views).
 */
export function teamSettingsBlock(field: { block: string }, salesTeamId: string): string {
  return `${field.block}.${salesTeamId}`;
}
