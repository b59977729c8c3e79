import type { App } from '@slack/bolt';
import type { PacerDeps } from '../../deps.js';
import { boardCommand } from './board.js';
import { checkInCommand } from './checkin.js';
import { goalCommand } from './goal.js';
import { kudosCommand } from './kudos.js';
import { leadCommand } from './lead.js';
import { logCommand } from './log.js';
import { pacerCommand } from './pacer.js';

export function registerCommands(app: App, deps: PacerDeps): void {
  app.command('/log', logCommand(deps));
  app.command('/goal', goalCommand(deps));
  app.command('/lead', leadCommand(deps));
  app.command('/pacer', pacerCommand(deps));
  app.command('/kudos', kudosCommand(deps));
  app.command('/checkin', checkInCommand(deps));
  app.command('/board', boardCommand(deps));
}
