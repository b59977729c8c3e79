import { describe, expect, it } from 'vitest';
import { kudosDayEnds, kudosRoom, maxKudosReasonLength, parseKudosCommand } from '../../../src/domain/kudos.js';
import { parsePacerCommand } from '../../../src/domain/pacer-command.js';
import { PacerError } from '../../../src/errors.js';
import { kudosErrors, kudosTexts } from '../../../src/i18n/locales/en-kudos.js';

const giver = 'U0RITA';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof PacerError) return error.code;
    throw error;
  }
  return undefined;
}

describe('parseKudosCommand', () => {
  it.each([
    ['<@U0BOB|bob> for closing Acme in record time', ['U0BOB'], 'closing Acme in record time'],
    ['<@U0BOB> for closing Acme in record time', ['U0BOB'], 'closing Acme in record time'],
    ['<@U0BOB|bob>   FOR   the demo   prep', ['U0BOB'], 'the demo prep'],
    ['<@U0BOB|bob> great demo today!', ['U0BOB'], 'great demo today!'],
    ['<@U0BOB|bob>: for the demo', ['U0BOB'], 'the demo'],
    ['<@U0BOB|bob> <@U0MIA|mia> for the demo prep', ['U0BOB', 'U0MIA'], 'the demo prep'],
    ['<@U0BOB|bob>, <@U0MIA|mia> and <@U0MAX|max> for the launch', ['U0BOB', 'U0MIA', 'U0MAX'], 'the launch'],
    ['<@U0BOB|bob> &amp; <@U0MIA|mia> for R&amp;D help', ['U0BOB', 'U0MIA'], 'R&amp;D help'],
    ['<@U0BOB|bob> <@U0BOB|bob> for twice', ['U0BOB'], 'twice'],
    ['<@U0BOB|bob> for forecasting with <@U0MIA|mia>', ['U0BOB'], 'forecasting with <@U0MIA|mia>'],
    ['<@U0BOB|bob> for fortitude', ['U0BOB'], 'fortitude'],
  ])('reads %s', (text, receiverIds, reason) => {
    expect(parseKudosCommand(text, giver)).toEqual({ action: 'give', receiverIds, reason });
  });

  it('keeps a reason from pinging a channel or a group through Pacer’s post', () => {
    expect(parseKudosCommand('<@U0BOB> for rallying <!here> and <!subteam^S012|@sales> and <!channel>', giver)).toEqual({
      action: 'give', receiverIds: ['U0BOB'], reason: 'rallying @here and @sales and @channel',
    });
  });

  it.each(['', '   ', 'help', 'HELP'])('"%s" asks for the help', (text) => {
    expect(parseKudosCommand(text, giver)).toEqual({ action: 'help' });
  });

  it.each([
    ['bob for the demo', 'kudos_no_mention'],
    ['@bob for the demo', 'kudos_no_mention'],
    ['for the demo <@U0BOB|bob>', 'kudos_no_mention'],
    ['<@U0BOB|bob>', 'kudos_reason_missing'],
    ['<@U0BOB|bob> for', 'kudos_reason_missing'],
    ['<@U0BOB|bob> for  ', 'kudos_reason_missing'],
    ['<@U0RITA|rita> for the demo', 'kudos_self'],
    ['<@U0BOB|bob> <@U0RITA|rita> for the demo', 'kudos_self'],
    ['<@U0RITA|rita>', 'kudos_self'],
    ['<@U1> <@U2> <@U3> <@U4> <@U5> <@U6> for all of it', 'kudos_too_many'],
    [`<@U0BOB|bob> for ${'x'.repeat(maxKudosReasonLength + 1)}`, 'kudos_reason_too_long'],
  ])('refuses "%s" (%s)', (text, code) => {
    expect(codeOf(() => parseKudosCommand(text, giver))).toBe(code);
  });

  it('takes five people and a reason of exactly the longest length', () => {
    const reason = 'x'.repeat(maxKudosReasonLength);
    expect(parseKudosCommand(`<@U1> <@U2> <@U3> <@U4> <@U5> for ${reason}`, giver)).toEqual({
      action: 'give', receiverIds: ['U1', 'U2', 'U3', 'U4', 'U5'], reason,
    });
  });
});

describe('the daily cap', () => {
  it.each([
    [5, 0, 1, { left: 5, fits: true }],
    [5, 4, 1, { left: 1, fits: true }],
    [5, 5, 1, { left: 0, fits: false }],
    [5, 3, 3, { left: 2, fits: false }],
    [5, 3, 2, { left: 2, fits: true }],
    // A cap lowered below what was given today leaves no room, not negative room.
    [3, 5, 1, { left: 0, fits: false }],
  ])('cap %i, %i given today, %i asked', (cap, given, asked, room) => {
    expect(kudosRoom(cap, given, asked)).toEqual(room);
  });

  it('starts again at the giver’s own midnight, across a DST change', () => {
    expect(kudosDayEnds(new Date('2026-11-25T11:00:00Z'), 'Europe/Warsaw')).toEqual(new Date('2026-11-25T23:00:00Z'));
    expect(kudosDayEnds(new Date('2026-11-25T11:00:00Z'), 'America/New_York')).toEqual(new Date('2026-11-26T05:00:00Z'));
    // 29 Mar 2026, the day Warsaw moves to summer time: its midnight is 22:00 UTC, no longer 23:00.
    expect(kudosDayEnds(new Date('2026-03-29T10:00:00Z'), 'Europe/Warsaw')).toEqual(new Date('2026-03-29T22:00:00Z'));
  });
});

describe('/pacer kudos', () => {
  it.each([
    ['kudos', { action: 'kudos.show' }],
    ['kudos limit 3', { action: 'kudos.cap', cap: 3 }],
    ['kudos cap 50', { action: 'kudos.cap', cap: 50 }],
    ['KUDOS LIMIT 1', { action: 'kudos.cap', cap: 1 }],
  ])('reads "%s"', (text, command) => {
    expect(parsePacerCommand(text)).toEqual(command);
  });

  it.each(['kudos limit 0', 'kudos limit 51', 'kudos limit 2.5', 'kudos limit', 'kudos limit three', 'kudos limit 3 4', 'kudos 3', 'kudos off'])(
    'refuses "%s"',
    (text) => {
      expect(codeOf(() => parsePacerCommand(text))).toBe('pacer_kudos_limit');
    },
  );
});

describe('the examples kudos texts show', () => {
  const texts = [...Object.values(kudosTexts), ...Object.values(kudosErrors)];
  // As Slack sends them: a picked person as a link; `/kudos @name for …` is a pattern, not an example.
  const examples = (command: string) =>
    [...new Set(texts.flatMap((text) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '')))]
      .filter((example) => example.startsWith(`${command} `) && !example.includes('…'))
      .map((example) => example.slice(command.length + 1).replace(/@(\w+)/g, (_all, name: string) => `<@U0${name.toUpperCase()}|${name}>`));

  it.each(examples('/kudos').map((e) => [e]))('/kudos %s', (example) => {
    expect(parseKudosCommand(example, 'U0MAX').action).toBe('give');
  });

  it.each(examples('/pacer').map((e) => [e]))('/pacer %s', (example) => {
    expect(parsePacerCommand(example).action).toBe('kudos.cap');
  });
});
