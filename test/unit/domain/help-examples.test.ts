import { describe, expect, it } from 'vitest';
import { defaultActivityTypes } from '../../../src/domain/activity-types.js';
import { parseGoalCommand } from '../../../src/domain/goal-command.js';
import { parseLeadCommand } from '../../../src/domain/lead-command.js';
import { parseLogCommand } from '../../../src/domain/log-command.js';
import { decimalSignOf } from '../../../src/domain/command-text.js';
import { parsePacerCommand } from '../../../src/domain/pacer-command.js';
import { catalogues } from '../../../src/i18n/index.js';
import { en } from '../../../src/i18n/locales/en.js';

/**
 * Every example the help and the error messages show must be something the commands
 * accept, as Slack would send it: placeholders filled, an @-mention escaped.
 */
function examples(text: string, command: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)]
    .map((m) => m[1] ?? '')
    .filter((example) => example.startsWith(`${command} `) && example !== `${command} help` && !example.includes('&lt;') && !example.includes('@rep'))
    .map((example) =>
      example
        .slice(command.length + 1)
        .replaceAll('{{type}}', 'deal')
        .replaceAll('{{metric}}', 'calls')
        .replaceAll('@rita', '<@U0RITA|rita>'),
    );
}

describe('help examples parse', () => {
  const texts = [...Object.values(en.help), ...Object.values(en.errors), ...Object.values(en.log), ...Object.values(en.goal), en.usage.log, en.usage.goal, en.usage.lead];

  // In every language, read the way its readers write numbers (`$5,000` would be refused from a German).
  const strings = (section: object) => Object.values(section).filter((text): text is string => typeof text === 'string');
  const spoken = Object.entries(catalogues).flatMap(([language, c]) => {
    const read = [...strings(c.help), ...strings(c.errors), ...strings(c.log), ...strings(c.goal), c.usage.log, c.usage.goal, c.usage.lead];
    return read.map((text) => ({ language, decimal: decimalSignOf(language), text }));
  });

  it.each(spoken.flatMap(({ language, decimal, text }) => examples(text, '/log').map((e) => [language, e, decimal] as const)))('%s: /log %s', (_language, example, decimal) => {
    expect(() => parseLogCommand(example, defaultActivityTypes, [], '2026-11-25', decimal)).not.toThrow();
  });

  it.each(spoken.flatMap(({ language, decimal, text }) => examples(text, '/goal').map((e) => [language, e, decimal] as const)))('%s: /goal %s', (_language, example, decimal) => {
    const parsed = parseGoalCommand(example, defaultActivityTypes, '2026-11-25', decimal);
    expect(parsed.action).not.toBe('modal');
  });

  // /pacer takes channels and people as Slack's links; the help shows them as typed.
  const asSlackSends = (example: string) =>
    example
      .replaceAll('{{name}}', 'East')
      .replace(/#([\w-]+)/g, '<#C0CHANNEL|$1>')
      .replace(/(^|\s)@(\w+)/g, (_m, space: string, name: string) => `${space}<@U0${name.toUpperCase()}|${name}>`);
  it.each([...texts, ...strings(en.pacer)].flatMap((text) => examples(text, '/pacer')).map((e) => [e]))('/pacer %s', (example) => {
    expect(() => parsePacerCommand(asSlackSends(example))).not.toThrow();
  });

  const leadTexts = [...texts, ...Object.values(en.lead), ...Object.values(en.nudge)].filter((text): text is string => typeof text === 'string');
  it.each(leadTexts.flatMap((text) => examples(text, '/lead')).map((e) => [e]))('/lead %s', (example) => {
    const parsed = parseLeadCommand(asSlackSends(example.replaceAll('{{name}}', 'Acme Corp')), { today: '2026-11-25' });
    expect(parsed.action).not.toBe('modal');
  });

  it('the /goal help shows every action, and each period its form names parses', () => {
    const shown = new Set(examples(en.help.goal, '/goal').map((e) => parseGoalCommand(e, defaultActivityTypes, '2026-11-25').action));
    expect([...shown].sort()).toEqual(['list', 'remove', 'set']);
    const periods = /&lt;((?:\w+\|)+from\.\.to)&gt;/.exec(en.help.goal)?.[1]?.split('|').filter((p) => p !== 'from..to') ?? [];
    expect(periods).toEqual(['day', 'week', 'month', 'quarter']);
    for (const period of periods) expect(parseGoalCommand(`calls 4 ${period}`, defaultActivityTypes, '2026-11-25').action).toBe('set');
  });

  it('the /lead help shows every action the command has', () => {
    const shown = new Set(examples(en.lead.help, '/lead').map((e) => parseLeadCommand(asSlackSends(e), { today: '2026-11-25' }).action));
    expect([...shown].sort()).toEqual(['add', 'assign', 'followup', 'import', 'list', 'lost', 'pipeline', 'stage', 'touch', 'won']);
  });
});
