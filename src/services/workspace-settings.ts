import type { Member } from '../domain/members.js';
import { mayAdminister } from '../domain/roles.js';
import { readLanguage, type ChosenVoice, type SpokenLanguage, type WorkspaceVoice } from '../domain/spoken-words.js';
import { PacerError } from '../errors.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import type { RoleBook } from './role-book.js';

/** `/pacer language` and `/pacer currency`: anyone sees them, admins set them. */
export interface WorkspaceSettings {
  voice(teamId: string): Promise<WorkspaceVoice>;
  setLanguage(actor: Member, language: SpokenLanguage): Promise<void>;
  setCurrency(actor: Member, currency: string | null): Promise<void>;
  /** The voice for the settings form's workspace fields; null when the actor may not change it. */
  editableBy(actor: Member): Promise<WorkspaceVoice | null>;
  /** Both at once, as the settings form gives them. */
  save(actor: Member, voice: ChosenVoice): Promise<void>;
  /** At install: the installer's Slack language becomes the workspace's, unless one is set already. */
  adoptInstallerLanguage(teamId: string, installerLocale: string): Promise<void>;
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
    async editableBy(actor) {
      return mayAdminister(await roles.of(actor)) ? workspaces.voice(actor.teamId) : null;
    },
    async save(actor, voice) {
      await mustAdminister(actor);
      await workspaces.setLanguage(actor.teamId, voice.language);
      await workspaces.setCurrency(actor.teamId, voice.currency);
    },
    async adoptInstallerLanguage(teamId, installerLocale) {
      const language = readLanguage(installerLocale.split('-')[0] ?? '');
      if (language) await workspaces.adoptLanguage(teamId, language);
    },
  };
}
