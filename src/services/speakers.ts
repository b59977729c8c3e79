import type { Member } from '../domain/members.js';
import { translator, type Translator } from '../i18n/index.js';
import type { ActivityTypeStore } from '../store/activity-type-store.js';
import type { WorkspaceStore } from '../store/workspace-store.js';

/**
 * The one place a reader's language is chosen. A person reads their own Slack language; a channel
 * reads the workspace's (English until an admin sets one). Both call types by the workspace's names
 * and show amounts in its currency.
 */
export interface Speakers {
  reader(member: Pick<Member, 'teamId' | 'locale'>): Promise<Translator>;
  channel(teamId: string): Promise<Translator>;
}

export function createSpeakers(deps: { activityTypes: Pick<ActivityTypeStore, 'forWorkspace'>; workspaces: Pick<WorkspaceStore, 'voice'> }): Speakers {
  const { activityTypes, workspaces } = deps;
  const speaker = async (teamId: string, locale: (language: string | null) => string) => {
    const [types, voice] = await Promise.all([activityTypes.forWorkspace(teamId), workspaces.voice(teamId)]);
    return translator(locale(voice.language), types, voice.currency);
  };
  return {
    reader: (member) => speaker(member.teamId, () => member.locale),
    channel: (teamId) => speaker(teamId, (language) => language ?? 'en'),
  };
}
