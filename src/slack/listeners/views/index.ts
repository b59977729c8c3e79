import type { App, ViewClosedAction, ViewSubmitAction } from '@slack/bolt';
import type { PacerDeps } from '../../deps.js';
import { ids } from '../../ids.js';
import { activityTypeSubmit } from './activity-type-submit.js';
import { checkInAnswerSubmit } from './check-in-answer-submit.js';
import { checkInSetupSubmit } from './check-in-setup-submit.js';
import { coachingNoteSubmit } from './coaching-note-submit.js';
import { goalSubmit } from './goal-submit.js';
import { leadImportConfirm } from './lead-import-confirm.js';
import { leadImportSubmit } from './lead-import-submit.js';
import { leadSubmit } from './lead-submit.js';
import { logSubmit } from './log-submit.js';
import { satisfactionSubmit } from './satisfaction-submit.js';
import { teamSettingsSubmit } from './team-settings-submit.js';
import { viewClosed } from './view-closed.js';

export function registerViews(app: App, deps: PacerDeps): void {
  app.view<ViewSubmitAction>(ids.views.logModal, logSubmit(deps));
  app.view<ViewSubmitAction>(ids.views.goalModal, goalSubmit(deps));
  app.view<ViewSubmitAction>(ids.views.leadModal, leadSubmit(deps));
  app.view<ViewSubmitAction>(ids.views.leadImport, leadImportSubmit(deps));
  app.view<ViewSubmitAction>(ids.views.leadImportPreview, leadImportConfirm(deps));
  app.view<ViewSubmitAction>(ids.views.activityTypeForm, activityTypeSubmit(deps));
  app.view<ViewSubmitAction>(ids.views.teamSettings, teamSettingsSubmit(deps));
  app.view<ViewSubmitAction>(ids.views.satisfaction, satisfactionSubmit(deps));
  // No callback_id: one listener acknowledges every modal's view_closed.
  app.view<ViewClosedAction>({ type: 'view_closed' }, viewClosed);
  app.view<ViewSubmitAction>(ids.checkIn.views.setup, checkInSetupSubmit(deps));
  app.view<ViewSubmitAction>(ids.checkIn.views.answer, checkInAnswerSubmit(deps));
  app.view<ViewSubmitAction>(ids.checkIn.views.coachingNote, coachingNoteSubmit(deps));
}
