/** Every action_id, callback_id and block_id Pacer puts on a surface, in one place. */
export const ids = {
  actions: {
    undoLog: 'log.undo',
    undoGoal: 'goal.undo',
    removeGoal: 'goal.remove',
    openLogModal: 'home.open_log',
    openGoalModal: 'home.open_goal',
  },
  views: {
    logModal: 'log.modal',
    goalModal: 'goal.modal',
  },
  logModal: {
    type: { block: 'log_type', action: 'type' },
    count: { block: 'log_count', action: 'count' },
    amount: { block: 'log_amount', action: 'amount' },
    lead: { block: 'log_lead', action: 'lead' },
    product: { block: 'log_product', action: 'product' },
    note: { block: 'log_note', action: 'note' },
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
} as const;
