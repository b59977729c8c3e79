import type { Clock } from '../clock.js';
import { spokenLanguages, type SpokenLanguage, type WorkspaceVoice } from '../domain/spoken-words.js';
import type { PrismaClient } from './generated/client.js';

export interface WorkspaceStore {
  voice(teamId: string): Promise<WorkspaceVoice>;
  setLanguage(teamId: string, language: SpokenLanguage): Promise<void>;
  setCurrency(teamId: string, currency: string | null): Promise<void>;
  /** Sets the language only where none is set. */
  adoptLanguage(teamId: string, language: SpokenLanguage): Promise<void>;
}

const isSpoken = (language: string | null): language is SpokenLanguage => spokenLanguages.some((known) => known === language);

/**
 * Every reply shows amounts in the workspace's currency, so the voice is kept for a minute (as
 * activity types are): a change shows at once on the instance that made it, within a minute on others.
 */
export function createWorkspaceStore(db: PrismaClient, options: { clock: Clock; maxAgeMs?: number }): WorkspaceStore {
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const cache = new Map<string, { voice: WorkspaceVoice; at: number }>();
  return {
    async voice(teamId) {
      const now = options.clock.now().getTime();
      const cached = cache.get(teamId);
      if (cached && now - cached.at < maxAgeMs) return cached.voice;
      const row = await db.workspace.findUnique({ where: { teamId }, select: { language: true, currency: true } });
      const language = row?.language ?? null;
      const voice = { language: isSpoken(language) ? language : null, currency: row?.currency ?? null };
      cache.set(teamId, { voice, at: now });
      return voice;
    },
    async setLanguage(teamId, language) {
      await db.workspace.upsert({ where: { teamId }, create: { teamId, language }, update: { language } });
      cache.delete(teamId);
    },
    async adoptLanguage(teamId, language) {
      await db.workspace.upsert({ where: { teamId }, create: { teamId, language }, update: {} });
      await db.workspace.updateMany({ where: { teamId, language: null }, data: { language } });
      cache.delete(teamId);
    },
    async setCurrency(teamId, currency) {
      await db.workspace.upsert({ where: { teamId }, create: { teamId, currency }, update: { currency } });
      cache.delete(teamId);
    },
  };
}
