import type { App, BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import type { PacerDeps } from '../../deps.js';
import { ids } from '../../ids.js';
import { openActivityTypeForm } from './activity-type-buttons.js';
import { registerCheckInActions } from './check-in-buttons.js';
import { chooseLogReading } from './choose-log-reading.js';
import { registerNudgeActions } from './nudge-buttons.js';
import { openModal } from './open-modals.js';
import { removeGoal } from './remove-goal.js';
import { shareBoard } from './share-board.js';
import { switchSettingsTeam } from './switch-settings-team.js';
import { undoGoal } from './undo-goal.js';
import { undoLog } from './undo-log.js';

export function registerActions(app: App, deps: PacerDeps): void {
  app.action<BlockButtonAction>(ids.actions.undoLog, undoLog(deps));
  app.action<BlockButtonAction>(ids.actions.logAsCount, chooseLogReading(deps));
  app.action<BlockButtonAction>(ids.actions.logAsAmount, chooseLogReading(deps));
  app.action<BlockButtonAction>(ids.actions.undoGoal, undoGoal(deps));
  app.action<BlockButtonAction>(ids.actions.removeGoal, removeGoal(deps));
  app.action<BlockButtonAction>(ids.actions.openLogModal, openModal(deps, 'log'));
  app.action<BlockButtonAction>(ids.actions.openGoalModal, openModal(deps, 'goal'));
  app.action<BlockButtonAction>(ids.actions.openLeadModal, openModal(deps, 'lead'));
  app.action<BlockButtonAction>(ids.actions.editActivityType, openActivityTypeForm(deps, 'edit'));
  app.action<BlockButtonAction>(ids.actions.addActivityType, openActivityTypeForm(deps, 'add'));
  app.action<BlockStaticSelectAction>(ids.actions.switchSettingsTeam, switchSettingsTeam(deps));
  app.action<BlockButtonAction>(ids.board.share, shareBoard(deps));
  registerNudgeActions(app, deps);
  registerCheckInActions(app, deps);
}
