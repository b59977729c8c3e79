import { beforeEach, describe, expect, it } from 'vitest';
import type { StandInCall } from '../../src/stand-in/slack-web-api.js';
import { createKudosStore } from '../../src/store/kudos-store.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { mention, people, replyText, setUpEastAndWest, teamId, usePacer } from '../support/pacer-harness.js';

// Wednesday 25 Nov 2026, 12:00 in Warsaw (Rita), 06:00 in New York (Bob).
const start = '2026-11-25T11:00:00Z';
const { rita, bob, mia, max } = people;

describe.skipIf(!testDatabaseAvailable())('/kudos', () => {
  const h = usePacer({ now: start });
  const kudos = (giver = rita, text = `${mention(bob)} for closing Acme in record time`, channelId = 'C0SALES') => h.command(giver, '/kudos', text, channelId);
  const stored = () => h.database.prisma.kudos.findMany({ where: { teamId }, orderBy: { givenAt: 'asc' } });
  const posts = (channel?: string) => h.slack.callsTo('chat.postMessage').filter((call) => channel === undefined || call.args.channel === channel);
  const text = (call: StandInCall | undefined) => (call ? replyText(call) : '');

  beforeEach(() => h.clock.set(start));

  describe('giving kudos', () => {
    it('posts in the channel, DMs Bob, confirms to the giver, and stores the reason without its "for"', async () => {
      const reply = await kudos();
      const [post] = posts('C0SALES');
      expect(post?.args.text).toBe(':clap: <@U0RITA> gave kudos to <@U0BOB> *for closing Acme in record time*');
      expect(text(posts(bob.id)[0])).toContain('<@U0RITA> gave you kudos *for closing Acme in record time*');
      expect(text(posts(bob.id)[0])).toContain('See it in <#C0SALES>');
      expect(reply.args.response_type).toBe('ephemeral');
      expect(replyText(reply)).toContain('Kudos sent to <@U0BOB>: posted in <#C0SALES>');
      expect(replyText(reply)).toContain('You can give 4 more today.');
      expect(await stored()).toMatchObject([
        { giverId: rita.id, receiverId: bob.id, reason: 'closing Acme in record time', channelId: 'C0SALES', givenAt: new Date(start), givenOn: '2026-11-25' },
      ]);
    });

    it('names several people in one post, with a DM and a row for each', async () => {
      const reply = await kudos(rita, `${mention(bob)} ${mention(mia)} for the demo prep`);
      expect(posts('C0SALES')).toHaveLength(1);
      expect(posts('C0SALES')[0]?.args.text).toContain('gave kudos to <@U0BOB>, <@U0MIA> *for the demo prep*');
      expect(posts(bob.id)).toHaveLength(1);
      expect(posts(mia.id)).toHaveLength(1);
      expect(replyText(reply)).toContain('You can give 3 more today.');
      expect((await stored()).map((k) => k.receiverId)).toEqual([bob.id, mia.id]);
    });

    it('used in a DM, posts in the giver’s team channel', async () => {
      await setUpEastAndWest(h, [rita, bob]);
      h.slack.reset();
      const reply = await kudos(rita, `${mention(bob)} for closing Acme`, 'D0RITA');
      expect(posts('D0RITA')).toEqual([]);
      expect(posts('C0EAST')[0]?.args.text).toContain('gave kudos to <@U0BOB> *for closing Acme*');
      expect(replyText(reply)).toContain('posted in <#C0EAST>');
      expect(text(posts(bob.id)[0])).toContain('See it in <#C0EAST>');
      expect(await stored()).toMatchObject([{ channelId: 'D0RITA' }]);
    });

    it('where Pacer may not post (a private channel), posts in the team channel instead', async () => {
      await setUpEastAndWest(h, [rita, bob]);
      h.slack.reset();
      h.slack.queueFault('chat.postMessage', { ok: false, error: 'not_in_channel' });
      const reply = await kudos(rita, `${mention(bob)} for closing Acme`, 'G0PRIVATE');
      expect(posts('G0PRIVATE')).toHaveLength(1);
      expect(posts('C0EAST')).toHaveLength(1);
      expect(replyText(reply)).toContain('posted in <#C0EAST>');
    });

    it('with no channel to post in, saves it and tells Bob only', async () => {
      const reply = await kudos(rita, `${mention(bob)} for closing Acme`, 'D0RITA');
      expect(posts().map((call) => call.args.channel)).toEqual([bob.id]);
      expect(text(posts(bob.id)[0])).toContain('It counts toward *most kudos*');
      expect(replyText(reply)).toContain('Kudos saved and sent to <@U0BOB> in a DM');
      expect(await stored()).toHaveLength(1);
    });

    it('a DM that fails loses nothing: the kudos stays stored and the giver is answered', async () => {
      h.slack.queueFault('chat.postMessage', { ok: false, error: 'user_disabled' });
      const reply = await kudos(rita, `${mention(bob)} for closing Acme`, 'D0RITA');
      expect(posts(bob.id)[0]?.response).toMatchObject({ ok: false });
      expect(replyText(reply)).toContain('Kudos saved and sent to <@U0BOB>');
      expect(await stored()).toHaveLength(1);
    });

    it('counts kudos received by person over a span', async () => {
      await kudos(rita, `${mention(bob)} ${mention(mia)} for the demo prep`);
      await kudos(max, `${mention(bob)} for the forecast`);
      const counts = await createKudosStore(h.database.prisma).receivedCount(teamId, [bob.id, mia.id, rita.id], {
        start: new Date('2026-11-23T00:00:00Z'),
        end: new Date('2026-11-30T00:00:00Z'),
      });
      expect(counts).toEqual(new Map([[bob.id, 2], [mia.id, 1], [rita.id, 0]]));
      const before = await createKudosStore(h.database.prisma).receivedCount(teamId, [bob.id], { start: new Date('2026-11-01T00:00:00Z'), end: new Date(start) });
      expect(before.get(bob.id)).toBe(0);
    });
  });

  describe('refusals change nothing', () => {
    it.each([
      [`${mention(rita)} for being me`, 'you named yourself, so nothing was sent'],
      [`${mention(bob)} ${mention(rita)} for the team effort`, 'you named yourself, so nothing was sent'],
      [`${mention(bob)}`, 'Say what the kudos are for: `/kudos @bob for closing Acme in record time`'],
      [`${mention(bob)} for`, 'Say what the kudos are for'],
      ['bob for closing Acme', 'Pick who the kudos are for with an @-mention'],
      [`${mention(bob)} for ${'a'.repeat(301)}`, 'Keep the reason to 300 characters (that one has 301)'],
      [`${mention(bob)} ${mention(mia)} ${mention(max)} <@U1> <@U2> <@U3> for all of it`, 'one /kudos takes at most 5'],
    ])('"%s"', async (input, message) => {
      const reply = await kudos(rita, input);
      expect(reply.args.response_type).toBe('ephemeral');
      expect(replyText(reply)).toContain(message);
      expect(posts()).toEqual([]);
      expect(await stored()).toEqual([]);
    });

    it('bots cannot receive kudos', async () => {
      h.slack.setUser({ id: 'U0BOTTY', name: 'botty', isBot: true });
      const reply = await kudos(rita, '<@U0BOTTY|botty> for the uptime');
      expect(replyText(reply)).toContain('Kudos are for people, not bots.');
      expect(posts()).toEqual([]);
      expect(await stored()).toEqual([]);
    });

    it('bare /kudos and /kudos help show the help with the workspace’s cap', async () => {
      for (const input of ['', 'help']) {
        const reply = await kudos(rita, input);
        expect(replyText(reply)).toContain('Recognise a teammate');
        expect(replyText(reply)).toContain('everyone can give 5 a day');
      }
      expect(await stored()).toEqual([]);
    });
  });

  describe('the daily cap', () => {
    it('refuses the 6th of the giver’s day, saying the cap and when it resets; the next local day is allowed', async () => {
      for (let i = 1; i <= 5; i++) await kudos(rita, `${mention(bob)} for call ${i}`);
      h.slack.reset();
      const refused = await kudos(rita, `${mention(bob)} for call 6`);
      expect(replyText(refused)).toContain('You have given your 5 kudos for today: that is the daily cap in this workspace. It starts again at midnight your time (Thu 12:00 AM).');
      expect(posts()).toEqual([]);
      expect(await stored()).toHaveLength(5);

      // 23:59 in Warsaw is still Rita's Wednesday; 00:01 is her Thursday (while UTC is still on Wednesday).
      h.clock.set('2026-11-25T22:59:00Z');
      expect(replyText(await kudos(rita, `${mention(bob)} for call 6`))).toContain('daily cap');
      h.clock.set('2026-11-25T23:01:00Z');
      const allowed = await kudos(rita, `${mention(bob)} for call 6`);
      expect(replyText(allowed)).toContain('Kudos sent to <@U0BOB>');
      expect((await stored()).at(-1)).toMatchObject({ givenOn: '2026-11-26' });
    });

    it('counts each person named, and refuses the whole /kudos when it would pass the cap', async () => {
      await kudos(rita, `${mention(bob)} ${mention(mia)} ${mention(max)} for the launch`);
      const refused = await kudos(rita, `${mention(bob)} ${mention(mia)} ${mention(max)} for the follow-up`);
      expect(replyText(refused)).toContain('You can give 2 more kudos today (the daily cap here is 5), and that names 3 people.');
      expect(await stored()).toHaveLength(3);
    });

    it('two /kudos at once never pass the cap together', async () => {
      for (let i = 1; i <= 4; i++) await kudos(rita, `${mention(bob)} for call ${i}`);
      const replies = await Promise.all([kudos(rita, `${mention(bob)} for call 5`), kudos(rita, `${mention(mia)} for call 5`)]);
      expect(replies.filter((reply) => replyText(reply).includes('Kudos sent')).length).toBe(1);
      expect(replies.filter((reply) => replyText(reply).includes('daily cap')).length).toBe(1);
      expect(await stored()).toHaveLength(5);
    });

    it('the store takes racing givers in turn: ten at once against a cap of five store five', async () => {
      const store = createKudosStore(h.database.prisma);
      const draft = { teamId, giverId: rita.id, receiverIds: [bob.id], reason: 'racing', channelId: 'C0SALES', givenAt: new Date(start), givenOn: '2026-11-25' };
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => store.giveWithinCap(draft)));
      expect(outcomes.filter((outcome) => outcome.given !== null)).toHaveLength(5);
      expect(await stored()).toHaveLength(5);
    });

    it('an admin changes the cap; a rep may not', async () => {
      const refused = await h.command(rita, '/pacer', 'kudos limit 10');
      expect(replyText(refused)).toContain('Only Pacer admins');
      const set = await h.command(mia, '/pacer', 'kudos limit 3');
      expect(replyText(set)).toContain('Done: everyone can now give 3 kudos a day.');
      expect(replyText(await h.command(rita, '/pacer', 'kudos'))).toContain('Everyone can give 3 kudos a day');
      for (let i = 1; i <= 3; i++) await kudos(rita, `${mention(bob)} for call ${i}`);
      expect(replyText(await kudos(rita, `${mention(bob)} for call 4`))).toContain('You have given your 3 kudos for today');
      expect(await stored()).toHaveLength(3);
    });

    it('a cap out of range is explained, and the cap stays', async () => {
      const reply = await h.command(mia, '/pacer', 'kudos limit 51');
      expect(replyText(reply)).toContain('“51” is not a daily kudos cap. Give a whole number from 1 to 50');
      expect(replyText(await h.command(mia, '/pacer', 'kudos'))).toContain('Everyone can give 5 kudos a day');
    });
  });
});
