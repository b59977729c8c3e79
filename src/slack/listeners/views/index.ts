import type { App, ViewSubmitAction } from '@slack/bolt';
import type { PacerDeps } from '../../deps.js';
import { ids } from '../../ids.js';
import { goalSubmit } from './goal-submit.js';
import { logSubmit } from './log-submit.js';

export function registerViews(app: App, deps: PacerDeps): void {
  app.view<ViewSubmitAction>(ids.views.logModal, logSubmit(deps));
  app.view<ViewSubmitAction>(ids.views.goalModal, goalSubmit(deps));
}
