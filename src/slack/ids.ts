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
    openLeadModal: 'home.open_lead',
    nudgeTouched: 'nudge.touched',
    nudgeSnooze: 'nudge.snooze',
    nudgeReschedule: 'nudge.reschedule',
    nudgeLost: 'nudge.lost',
    nudgeSatisfaction: 'nudge.satisfaction',
    /** The two answers to "5,000 lost deals, or one lost deal worth 5,000?"; one block needs distinct action_ids. */
    logAsCount: 'log.as_count',
    logAsAmount: 'log.as_amount',
  },
  views: {
    logModal: 'log.modal',
    goalModal: 'goal.modal',
    activityTypes: 'types.list',
    activityTypeForm: 'types.form',
    teamSettings: 'settings.modal',
    leadModal: 'lead.modal',
    leadImport: 'lead.import',
    leadImportPreview: 'lead.import_preview',
    satisfaction: 'lead.satisfaction',
  },
  /** A nudge item's actions block is `nudge.<lead id>`: the date picker carries no value of its own. */
  nudgeItemBlock: 'nudge.',
  leadModal: {
    name: { block: 'lead_name', action: 'name' },
    value: { block: 'lead_value', action: 'value' },
    product: { block: 'lead_product', action: 'product' },
    followUp: { block: 'lead_follow_up', action: 'follow_up' },
    account: { block: 'lead_account', action: 'account' },
    source: { block: 'lead_source', action: 'source' },
  },
  leadImport: {
    file: { block: 'import_file', action: 'file' },
  },
  satisfactionModal: {
    score: { block: 'satisfaction_score', action: 'score' },
    complaint: { block: 'satisfaction_complaint', action: 'complaint' },
  },
  logModal: {
    type: { block: 'log_type', action: 'type' },
    count: { block: 'log_count', action: 'count' },
    amount: { block: 'log_amount', action: 'amount' },
    lead: { block: 'log_lead', action: 'lead' },
    product: { block: 'log_product', action: 'product' },
    note: { block: 'log_note', action: 'note' },
    on: { block: 'log_on', action: 'on' },
  },
  activityTypeForm: {
    label: { block: 'type_label', action: 'label' },
    plural: { block: 'type_plural', action: 'plural' },
    aliases: { block: 'type_aliases', action: 'aliases' },
    unit: { block: 'type_unit', action: 'unit' },
    points: { block: 'type_points', action: 'points' },
    active: { block: 'type_active', action: 'active' },
    countLimit: { block: 'type_count_limit', action: 'count_limit' },
    dailyPointsCap: { block: 'type_daily_points_cap', action: 'daily_points_cap' },
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
    boardOn: { block: 'settings_board_on', action: 'board_on' },
    boardDay: { block: 'settings_board_day', action: 'board_day' },
    boardAt: { block: 'settings_board_at', action: 'board_at' },
    ranking: { block: 'settings_ranking', action: 'ranking' },
    digestOn: { block: 'settings_digest_on', action: 'digest_on' },
    digestDay: { block: 'settings_digest_day', action: 'digest_day' },
    digestAt: { block: 'settings_digest_at', action: 'digest_at' },
    digestDaily: { block: 'settings_digest_daily', action: 'digest_daily' },
    /** The workspace's, not a team's: the same fields whichever team the form shows. */
    language: { block: 'settings_language', action: 'language' },
    currency: { block: 'settings_currency', action: 'currency' },
  },
  /**
   * Check-ins. A question's fields are `<block base><question id>` with action `<action base><question id>`:
   * Slack keeps what a field holds across views.update by block_id, so a reordered question keeps its text.
   */
  checkIn: {
    actions: {
      start: 'checkin.start',
      addQuestion: 'checkin.add_question',
      moveUp: 'checkin.move_up',
      moveDown: 'checkin.move_down',
      removeQuestion: 'checkin.remove_question',
      coachingNote: 'checkin.coaching_note',
      nudgeMissing: 'checkin.nudge_missing',
    },
    views: {
      setup: 'checkin.setup',
      answer: 'checkin.answer',
      coachingNote: 'checkin.coaching_note',
    },
    setup: {
      label: { block: 'checkin_q_label.', action: 'label_' },
      kind: { block: 'checkin_q_kind.', action: 'kind_' },
      tools: 'checkin_q_tools.',
      weekday: { block: 'checkin_weekday', action: 'weekday' },
      at: { block: 'checkin_at', action: 'at' },
      reminder: { block: 'checkin_reminder', action: 'reminder' },
    },
    answer: {
      value: { block: 'checkin_a.', action: 'a_' },
      detail: { block: 'checkin_a_detail.', action: 'detail_' },
    },
    note: { block: 'checkin_note', action: 'note' },
  },
  board: {
    share: 'board.share',
    shareBlock: 'board_share',
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
