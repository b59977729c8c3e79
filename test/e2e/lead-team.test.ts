import { beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseAvailable } from '../support/test-database.js';
import { mention, people, replyText, setUpEastAndWest, teamId, usePacer } from '../support/pacer-harness.js';

describe.skipIf(!testDatabaseAvailable())('/lead across a team: lists, pipelines and hand-overs', () => {
  // Wednesday 25 Nov 2026. East: Max manages Rita and Bob. West: Wes manages nobody yet.
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });
  const leads = () => h.database.prisma.lead.findMany({ where: { teamId }, orderBy: { createdAt: 'asc' } });

  beforeEach(async () => {
    await setUpEastAndWest(h, [people.rita, people.bob]);
    await h.command(people.rita, '/lead', 'add Acme Corp 30000 follow up friday');
    await h.command(people.bob, '/lead', 'add Beta Systems 10000');
    h.slack.reset();
  });

  describe('assign', () => {
    it('a manager hands a rep’s lead to another rep of the team, who is told', async () => {
      const reply = await h.command(people.max, '/lead', `assign Acme Corp ${mention(people.bob)}`);
      expect(replyText(reply)).toContain('*Acme Corp* now belongs to <@U0BOB> (was <@U0RITA>); they have been told.');
      const told = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === people.bob.id);
      expect(replyText(told)).toContain('<@U0MAX> handed you the lead *Acme Corp*.');
      expect(replyText(told)).toContain('worth 30,000 · follow up Friday, Nov 27');
      expect(await leads()).toMatchObject([{ name: 'Acme Corp', ownerId: people.bob.id }, { name: 'Beta Systems', ownerId: people.bob.id }]);
      expect(await h.database.prisma.leadEvent.findMany({ where: { kind: 'assign' } })).toMatchObject([{ by: people.max.id, detail: `${people.rita.id}→${people.bob.id}` }]);
      const homes = h.slack.callsTo('views.publish').map((c) => c.args.user_id);
      expect(homes).toEqual(expect.arrayContaining([people.max.id, people.bob.id, people.rita.id]));
      const bobsList = await h.command(people.bob, '/lead', 'list');
      expect(replyText(bobsList)).toContain('Your open leads (2)');
    });

    it('a rep cannot hand over even their own lead', async () => {
      const reply = await h.command(people.rita, '/lead', `assign Acme Corp ${mention(people.bob)}`);
      expect(replyText(reply)).toContain('Only a manager of the teams of both reps, or an admin, can hand a lead over.');
      expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
      expect(await leads()).toMatchObject([{ ownerId: people.rita.id }, { ownerId: people.bob.id }]);
    });

    it('a manager of another team cannot reach the lead at all', async () => {
      await h.command(people.wes, '/lead', 'add Zeta');
      const reply = await h.command(people.wes, '/lead', `assign Acme Corp ${mention(people.bob)}`);
      expect(replyText(reply)).toContain('There is no open lead called “Acme Corp” among your own and your teams’ leads: Zeta.');
      expect(await leads()).toMatchObject([{ ownerId: people.rita.id }, { ownerId: people.bob.id }, { ownerId: people.wes.id }]);
    });

    it('a manager cannot hand a lead to someone outside their teams, nor to its owner', async () => {
      const outside = await h.command(people.max, '/lead', `assign Acme Corp ${mention(people.wes)}`);
      expect(replyText(outside)).toContain('Only a manager of the teams of both reps');
      const same = await h.command(people.max, '/lead', `assign Acme Corp ${mention(people.rita)}`);
      expect(replyText(same)).toContain('Acme Corp already belongs to <@U0RITA>.');
      const noMention = await h.command(people.max, '/lead', 'assign Acme Corp @bob');
      expect(replyText(noMention)).toContain('Pick the rep with an @-mention');
      expect((await leads())[0]?.ownerId).toBe(people.rita.id);
      expect(await h.database.prisma.leadEvent.count({ where: { kind: 'assign' } })).toBe(0);
    });

    it('a lead of the same name the new owner already has open is refused', async () => {
      await h.command(people.bob, '/lead', 'add Acme Corp');
      const reply = await h.command(people.max, '/lead', `assign "Acme Corp" ${mention(people.bob)}`);
      expect(replyText(reply)).toContain('There is already an open lead called Acme Corp');
      expect(await h.database.prisma.lead.count({ where: { ownerId: people.bob.id } })).toBe(2);
      expect(await h.database.prisma.lead.count({ where: { ownerId: people.rita.id } })).toBe(1);
    });

    it('names that differ only in case and spacing are the same name', async () => {
      await h.command(people.bob, '/lead', 'add "ACME  corp"');
      const reply = await h.command(people.max, '/lead', `assign Acme Corp ${mention(people.bob)}`);
      expect(replyText(reply)).toContain('There is already an open lead called ACME  corp');
      expect(await h.database.prisma.lead.count({ where: { ownerId: people.rita.id } })).toBe(1);
    });
  });

  describe('list and pipeline of others', () => {
    it('a manager lists a rep’s or the team’s leads, each with its owner', async () => {
      const rita = await h.command(people.max, '/lead', `list ${mention(people.rita)}`);
      expect(replyText(rita)).toContain('Open leads of <@U0RITA> (1)');
      expect(replyText(rita)).toContain('*Acme Corp*');
      const team = await h.command(people.max, '/lead', 'list team east');
      expect(replyText(team)).toContain('Open leads of team East (2)');
      expect(replyText(team)).toContain('*Beta Systems* · new · 10,000 · no follow-up planned · touched today · <@U0BOB>');
      const admin = await h.command(people.mia, '/lead', 'list team East');
      expect(replyText(admin)).toContain('Open leads of team East (2)');
    });

    it.each([
      ['a rep, another rep’s list', people.rita, `list ${mention(people.bob)}`, 'Only a rep’s team managers and admins can see their leads.'],
      ['a rep, their team’s list', people.rita, 'list team East', 'Only managers of East and admins can see its leads and pipeline.'],
      ['another team’s manager, a rep’s list', people.wes, `list ${mention(people.rita)}`, 'Only a rep’s team managers and admins can see their leads.'],
      ['another team’s manager, the team’s list', people.wes, 'list team East', 'Only managers of East and admins'],
      ['a rep, their team’s pipeline', people.bob, 'pipeline team East', 'Only managers of East and admins'],
      ['another team’s manager, a rep’s pipeline', people.wes, `pipeline ${mention(people.bob)}`, 'Only a rep’s team managers and admins can see their leads.'],
      ['anyone, a team that does not exist', people.max, 'list team North', 'There is no team called “North”. Teams: East, West.'],
    ])('%s is refused', async (_who, person, text, message) => {
      const reply = await h.command(person, '/lead', text);
      expect(replyText(reply)).toContain(message);
      expect(replyText(reply)).not.toContain('Acme Corp*');
      expect(replyText(reply)).not.toContain('Beta Systems*');
    });

    it('a team’s pipeline sums its reps, against their quotas and the team’s rule of thumb', async () => {
      await h.command(people.max, '/goal', `${mention(people.rita)} revenue 10000 monthly`);
      await h.command(people.max, '/pacer', 'team East estimates 2.5');
      await h.command(people.bob, '/lead', 'stage Beta qualified');
      const reply = await h.command(people.max, '/lead', 'pipeline team East');
      const text = replyText(reply);
      expect(text).toContain('*Pipeline of team East*');
      expect(text).toContain('*Open pipeline:* 40,000 in 2 leads');
      // 30,000 × 0.1 + 10,000 × 0.4
      expect(text).toContain('*Weighted forecast:* 7,000');
      expect(text).toContain('*Coverage:* 4× the monthly quota of 10,000 (rule of thumb: 2.5× quota)');
      expect(text).toContain('Enough pipeline to hit the quota.');
      expect(text).toContain('Not in the quota (no monthly revenue goal): <@U0BOB>.');
      const bobs = await h.command(people.max, '/lead', `pipeline ${mention(people.bob)}`);
      expect(replyText(bobs)).toContain('*Pipeline of <@U0BOB>*');
      expect(replyText(bobs)).toContain('A manager sets one with `/goal @rita revenue 50000 monthly`.');
    });
  });
});
