import { goalMetrics } from '../src/domain/goals.js';
import type { Translator } from '../src/i18n/index.js';
import { context, section, type SlackMessage } from './text.js';

export type HelpTopic = 'log' | 'goal' | 'pacer' | 'lead' | 'board';

/** Topics whose help lives with the feature's other texts (en-leads.ts, en-board.ts…) rather than in `help`. */
const featureHelp: ReadonlySet<HelpTopic> = new Set(['lead', 'board']);

/** A refusal or mistake, said kindly, with the help that shows the right form. */
export function buildProblem(text: string, help?: string): SlackMessage {
  return { text, blocks: [section(`:warning: ${text}`), ...(help ? [context(help)] : [])] };
}

/** A plain confirmation: what changed, in one section. */
export function buildNote(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}

/** The right form of a command and the valid choices in this workspace. */
export function helpText(tr: Translator, topic: HelpTopic, typeKeys: readonly string[]): string {
  return tr.t(featureHelp.has(topic) ? `${topic}.help` : `help.${topic}`, { types: typeKeys.join(', '), metrics: goalMetrics(typeKeys).join(', ') });
}

/**
 * The command's form in one line, for a reply to a mistake (the whole help would bury it);
 * `/pacer`'s is the form of the subcommand typed (`team`, `export`, …).
 */
export function usageText(tr: Translator, topic: HelpTopic, typeKeys: readonly string[], commandText = ''): string {
  const vars = { types: typeKeys.join(', '), metrics: goalMetrics(typeKeys).join(', ') };
  if (topic !== 'pacer') return tr.t(`usage.${topic}`, vars);
  const sub = commandText.trim().split(/\s+/)[0]?.toLowerCase().replace(/s$/, '') ?? '';
  const key = { team: 'team', member: 'member', admin: 'admin', export: 'export', nudge: 'nudges', away: 'away' }[sub] ?? 'any';
  return tr.t(`usage.pacer.${key}`, vars);
}

/** `/log help`, `/goal help`, `/lead help`. */
export function buildHelp(tr: Translator, topic: HelpTopic, typeKeys: readonly string[]): SlackMessage {
  const text = helpText(tr, topic, typeKeys);
  return { text, blocks: [section(text)] };
}
