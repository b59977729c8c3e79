import { describe, expect, it } from 'vitest';
import { buildKudosCap, buildKudosCapReached, buildKudosDm, buildKudosHelp, buildKudosPost, buildKudosSent } from '../../../blocks/kudos.js';
import { maxKudosReasonLength, maxKudosReceivers } from '../../../src/domain/kudos.js';
import { translator, type Translator } from '../../../src/i18n/index.js';
import { violationsInEveryLanguage } from '../../support/block-kit-limits.js';

const tr = translator('en-US');
const note = { giverId: 'U0RITA', receiverIds: ['U0BOB'], reason: 'closing Acme in record time' };
const post = { channelId: 'C0SALES', permalink: 'https://pacer.slack.com/archives/C0SALES/p1700000000000100' };
const textOf = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

describe('kudos messages', () => {
  it('the post names giver, receivers and the reason, with "for" put back', () => {
    const message = buildKudosPost(tr, { ...note, receiverIds: ['U0BOB', 'U0MIA'] });
    expect(message.text).toBe(':clap: <@U0RITA> gave kudos to <@U0BOB>, <@U0MIA> *for closing Acme in record time*');
    expect(textOf(message)).toContain('count toward *most kudos*');
  });

  it('a reason is shown as Slack sent it: its escapes and mentions stay as they are', () => {
    const message = buildKudosPost(tr, { ...note, reason: 'R&amp;D help with <@U0MAX|max>' });
    expect(message.text).toContain('*for R&amp;D help with <@U0MAX|max>*');
  });

  it('the DM links the post, or says it counts when there was none', () => {
    expect(textOf(buildKudosDm(tr, note, post))).toContain('See it in <#C0SALES> (<https://pacer.slack.com/archives/C0SALES/p1700000000000100|see the post>)');
    expect(textOf(buildKudosDm(tr, note, { channelId: 'C0EAST', permalink: null }))).toContain('See it in <#C0EAST>.');
    expect(textOf(buildKudosDm(tr, note, null))).not.toContain('See it in');
    expect(buildKudosDm(tr, note, null).text).toBe(':clap: <@U0RITA> gave you kudos *for closing Acme in record time*');
  });

  it('the giver’s confirmation says where it went and what is left of the day', () => {
    const sent = buildKudosSent(tr, note, post, { cap: 5, left: 4 });
    expect(sent.text).toContain('Kudos sent to <@U0BOB>: posted in <#C0SALES> (<https://');
    expect(textOf(sent)).toContain('You can give 4 more today.');
    expect(textOf(buildKudosSent(tr, note, post, { cap: 5, left: 0 }))).toContain('That was the last of your 5 for today');
    expect(buildKudosSent(tr, note, null, { cap: 5, left: 1 }).text).toContain('Kudos saved and sent to <@U0BOB> in a DM');
  });

  it('over the cap: the cap, and the giver’s midnight', () => {
    const resetsAt = new Date('2026-11-25T23:00:00Z');
    const reached = buildKudosCapReached(tr, { cap: 5, left: 0, asked: 1, resetsAt, timeZone: 'Europe/Warsaw' });
    expect(reached.text).toBe('You have given your 5 kudos for today: that is the daily cap in this workspace. It starts again at midnight your time (Thu 12:00 AM). Nothing was sent.');
    const tooMany = buildKudosCapReached(tr, { cap: 5, left: 2, asked: 3, resetsAt, timeZone: 'Europe/Warsaw' });
    expect(tooMany.text).toContain('You can give 2 more kudos today (the daily cap here is 5), and that names 3 people.');
  });

  it('help and the cap show the workspace’s number', () => {
    expect(buildKudosHelp(tr, 3).text).toContain('everyone can give 3 a day');
    expect(buildKudosCap(tr, 1, false).text).toBe('Everyone can give 1 kudos a day in this workspace. Admins change it with `/pacer kudos limit 3`.');
    expect(buildKudosCap(tr, 7, true).text).toBe('Done: everyone can now give 7 kudos a day.');
  });

  it('stays within Block Kit’s limits at the longest reason and the most people', () => {
    const receiverIds = Array.from({ length: maxKudosReceivers }, (_, i) => `U0PERSON${i}`);
    const longest = { giverId: 'U0RITA', receiverIds, reason: '&amp;'.repeat(maxKudosReasonLength / 5) };
    const messagesIn = (tr: Translator) => [
      buildKudosPost(tr, longest),
      buildKudosDm(tr, longest, post),
      buildKudosSent(tr, longest, post, { cap: 50, left: 45 }),
      buildKudosCapReached(tr, { cap: 50, left: 0, asked: 5, resetsAt: new Date(), timeZone: 'Pacific/Kiritimati' }),
      buildKudosHelp(tr, 50),
      buildKudosCap(tr, 50, true),
    ];
    expect(violationsInEveryLanguage(messagesIn)).toEqual({});
    for (const message of messagesIn(tr)) expect(message.text.length).toBeGreaterThan(0);
  });
});
