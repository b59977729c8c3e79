import type { App } from '@slack/bolt';
import type { PacerDeps } from '../../deps.js';
import { appHomeOpened } from './app-home-opened.js';

export function registerEvents(app: App, deps: PacerDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
}
