import type { Member } from '../domain/members.js';
import { mayAdminister } from '../domain/roles.js';
import type { SpokenLanguage } from '../domain/spoken-words.js';
import { PacerError } from '../errors.js';
import type { WorkspaceStore, WorkspaceVoice } from '../store/workspace-store.js';
import type { RoleBook } from './role-book.js';

/** `/pacer language` and `/pacer currency`: anyone sees them, admins set them. */
export interface WorkspaceSettings {
  voice(teamId: string): Promise<WorkspaceVoice>;
  setLanguage(actor: Member, language: SpokenLanguage): Promise<void>;
  setCurrency(actor: Member, currency: string | null): Promise<void>;
}

export function createWorkspaceSettings(deps: { workspaces: WorkspaceStore; roles: Pick<RoleBook, 'of'> }): WorkspaceSettings {
  const { workspaces, roles } = deps;
  const mustAdminister = async (actor: Member) => {
    if (!mayAdminister(await roles.of(actor))) throw new PacerError('admin_only');
  };
  return {
    voice: (teamId) => workspaces.voice(teamId),
    async setLanguage(actor, language) {
      await mustAdminister(actor);
      await workspaces.setLanguage(actor.teamId, language);
    },
    async setCurrency(actor, currency) {
      await mustAdminister(actor);
      await workspaces.setCurrency(actor.teamId, currency);
    },
  };
}
