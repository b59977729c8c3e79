import type { App } from '@slack/bolt';
import type { PacerDeps } from '../../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appUninstalled, tokensRevoked } from './forget-workspace.js';

export function registerEvents(app: App, deps: PacerDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  if (deps.installations) {
    app.event('app_uninstalled', appUninstalled(deps.installations, deps));
    app.event('tokens_revoked', tokensRevoked(deps.installations, deps));
  }
}
