import type { Logger } from '@slack/bolt';
import type { Clock } from '../clock.js';
import type { ActivityCatalogue } from '../services/activity-catalogue.js';
import type { ActivityLog } from '../services/activity-log.js';
import type { DataExport } from '../services/data-export.js';
import type { GoalBook } from '../services/goal-book.js';
import type { HomeDashboard } from '../services/home-dashboard.js';
import type { TeamDirectory } from '../services/team-directory.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { SlackInstallationStore } from '../store/installation-store.js';
import type { MemberProfiles } from './member-profiles.js';

/** What every listener may use; built once in app.ts, replaced wholesale in tests. */
export interface PacerDeps {
  clock: Clock;
  logger: Logger;
  profiles: MemberProfiles;
  activityTypes: ActivityTypeStore;
  activityCatalogue: ActivityCatalogue;
  activityLog: ActivityLog;
  goalBook: GoalBook;
  homeDashboard: HomeDashboard;
  /** Set when workspaces install Pacer through OAuth; unset with a single SLACK_BOT_TOKEN. */
  installations?: SlackInstallationStore;
  teamDirectory: TeamDirectory;
  dataExport: DataExport;
}
