import type { Logger } from '@slack/bolt';
import type { Clock } from '../clock.js';
import type { ActivityCatalogue } from '../services/activity-catalogue.js';
import type { ActivityLog } from '../services/activity-log.js';
import type { DataExport } from '../services/data-export.js';
import type { GoalBook } from '../services/goal-book.js';
import type { HomeDashboard } from '../services/home-dashboard.js';
import type { KudosBook } from '../services/kudos-book.js';
import type { LeadBook } from '../services/lead-book.js';
import type { LeadImports } from '../services/lead-import.js';
import type { Leaderboard } from '../services/leaderboard.js';
import type { ContestBook } from '../services/contest-book.js';
import type { TeamDirectory } from '../services/team-directory.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { CheckInBook } from '../services/check-in-book.js';
import type { CheckInStore } from '../store/check-in-store.js';
import type { CheckInPosts } from './check-in-posts.js';
import type { SlackInstallationStore } from '../store/installation-store.js';
import type { JobStore } from '../store/job-store.js';
import type { LeadStore } from '../store/lead-store.js';
import type { MemberStore } from '../store/member-store.js';
import type { MemberProfiles } from './member-profiles.js';
import type { Speakers } from '../services/speakers.js';
import type { WorkspaceSettings } from '../services/workspace-settings.js';

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
  leadBook: LeadBook;
  /** `/kudos`, the workspace's daily cap, and kudos received by person (boards, Home). */
  kudos: KudosBook;
  /** `/lead import`: previews kept until confirmed, then saved. */
  leadImports: LeadImports;
  /** Leads as stored, for reads that need no permission check beyond the caller's own (Home, nudges). */
  leads: LeadStore;
  /** Nudge settings (`/pacer nudges`, `/pacer away`) and what scheduled work reads of members. */
  members: MemberStore;
  /** Scheduled runs and the outbox; buttons on sent messages keep their copy current. */
  jobs: JobStore;
  /** Check-ins: setup, answers, coaching notes (`/checkin`), and their posts in the managers' thread. */
  checkInBook: CheckInBook;
  checkIns: CheckInStore;
  checkInPosts: CheckInPosts;
  /** Boards (`/board`, the weekly post) and badges. */
  leaderboard: Leaderboard;
  /** Sales contests (`/pacer contest`, `/board contest`) and what their posts show. */
  contests: ContestBook;
  /** Whom a text is for decides its language, type names and currency: the one place they are chosen. */
  speakers: Speakers;
  /** The workspace's channel language and currency (`/pacer language`, `/pacer currency`). */
  workspaceSettings: WorkspaceSettings;
}
