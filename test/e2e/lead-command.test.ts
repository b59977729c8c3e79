import { beforeEach, describe, expect, it } from 'vitest';
import { ids } from '../../src/slack/ids.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { people, replyText, teamId, usePacer } from '../support/pacer-harness.js';

// Wednesday 25 Nov 2026, 12:00 in Warsaw (Rita).
const start = '2026-11-25T11:00:00Z';

describe.skipIf(!testDatabaseAvailable())('/lead for a rep', () => {
  const h = usePacer({ now: start });
  const leads = () => h.database.prisma.lead.findMany({ where: { teamId }, orderBy: { createdAt: 'asc' } });
  const events = (kind?: string) => h.database.prisma.leadEvent.findMany({ where: { teamId, ...(kind ? { kind } : {}) }, orderBy: { at: 'asc' } });
  const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
  const lead = (text: string) => h.command(people.rita, '/lead', text);

  beforeEach(() => h.clock.set(start));

  describe('add', () => {
    it('saves the lead and says what was saved, the follow-up in words', async () => {
      const reply = await lead('add Acme Corp $12,000 #widgets follow up friday');
      expect(reply.args.response_type).toBe('ephemeral');
      expect(replyText(reply)).toContain('Saved your lead *Acme Corp*.');
      expect(replyText(reply)).toContain('worth 12,000 · #widgets · follow up Friday, Nov 27 · your own prospecting');
      expect(replyText(reply)).not.toContain('"button"');
      const [saved] = await leads();
      expect(saved).toMatchObject({ ownerId: people.rita.id, name: 'Acme Corp', account: 'Acme Corp', productLine: 'widgets', source: 'own', stage: 'new', createdBy: people.rita.id });
      expect(saved?.value?.toNumber()).toBe(12_000);
      expect(day(saved?.nextFollowUpOn ?? null)).toBe('2026-11-27');
      expect(await events()).toMatchObject([{ kind: 'created', by: people.rita.id, leadId: saved?.id }]);
      expect(h.slack.callsTo('views.publish').at(-1)?.args.user_id).toBe(people.rita.id);
    });

    it('keeps the source and account given', async () => {
      const reply = await lead('add Acme Widgets Order 5000 from company account Acme Corp');
      expect(replyText(reply)).toContain('worth 5,000 · account Acme Corp · no follow-up planned · from the company');
      expect(await leads()).toMatchObject([{ name: 'Acme Widgets Order', account: 'Acme Corp', source: 'company', nextFollowUpOn: null }]);
    });

    it('refuses a name the rep already has open, and changes nothing', async () => {
      await lead('add Acme Corp 12000');
      const reply = await lead('add  acme CORP 5000');
      expect(replyText(reply)).toContain('There is already an open lead called Acme Corp');
      expect(replyText(reply)).not.toContain('Keep your leads');
      expect(await leads()).toHaveLength(1);
      expect((await leads())[0]?.value?.toNumber()).toBe(12_000);
    });

    it.each([
      ['add Acme follow up 31.11', 'There is no such date as “31.11”'],
      ['add Acme follow up soon', '“soon” is not a date I can read'],
      ['add Acme follow up yesterday', '2026-11-24 has passed'],
      ['add Acme follow up 1/12', '“1/12” is not a date I can read'],
      ['add 12000 Acme', 'Start with the lead’s name'],
      ['add Acme 0', '“0” is not a value I can take'],
      ['add Acme 5000 urgent', 'I didn’t understand “urgent”'],
      ['dance Acme', 'I don’t know “dance” in /lead'],
    ])('bad input "%s" is explained with the right form, and nothing is written', async (input, message) => {
      const reply = await lead(input);
      expect(replyText(reply)).toContain(message);
      expect(replyText(reply)).toContain('/lead add &lt;name&gt; [value] [#product] [follow up &lt;date&gt;]');
      expect(await leads()).toEqual([]);
    });
  });

  describe('list', () => {
    it('shows open leads with stage, value, follow-up (overdue flagged) and days since a touch', async () => {
      h.clock.set('2026-11-20T09:00:00Z');
      await lead('add Beta Systems follow up 2026-11-23');
      h.clock.set(start);
      await lead('add Acme Corp 12000 follow up tomorrow');
      await lead('add Gamma 500');
      await lead('add Delta 700');
      await lead('lost Delta price');
      const reply = await lead('list');
      const text = replyText(reply);
      expect(text).toContain('Your open leads (3)');
      expect(text).toContain('*Beta Systems* · new · no value yet · :warning: *overdue* since Nov 23 (2 days) · touched 5 days ago');
      expect(text).toContain('*Acme Corp* · new · 12,000 · follow up tomorrow · touched today');
      expect(text).toContain('*Gamma* · new · 500 · no follow-up planned · touched today');
      expect(text).not.toContain('Delta');
      expect(text.indexOf('Beta Systems')).toBeLessThan(text.indexOf('Acme Corp'));
    });

    it('invites the first lead when there is none', async () => {
      const reply = await lead('list');
      expect(replyText(reply)).toContain('You have no open leads. Add one with `/lead add Acme Corp 12000 follow up friday`');
    });

    it('shows forty, then says how many more', async () => {
      const at = new Date(start);
      await h.database.prisma.lead.createMany({
        data: Array.from({ length: 45 }, (_, i) => ({
          teamId, ownerId: people.rita.id, name: `Lead ${String(i).padStart(2, '0')}`, nameKey: `lead ${String(i).padStart(2, '0')}`,
          account: `Lead ${i}`, accountKey: `lead ${i}`, lastTouchedAt: at, createdBy: people.rita.id,
        })),
      });
      const reply = await lead('list');
      expect(replyText(reply)).toContain('Your open leads (45)');
      expect(replyText(reply).match(/\*Lead \d\d\*/g)).toHaveLength(40);
      expect(replyText(reply)).toContain('…and 5 more leads.');
    });
  });

  describe('touch', () => {
    it('records the touch and its note, and moves a new lead to contacted', async () => {
      await lead('add Acme Corp 12000');
      h.clock.set('2026-11-25T15:00:00Z');
      const reply = await lead('touch acme corp called the CFO');
      expect(replyText(reply)).toContain('Touched *Acme Corp*; it is now *contacted*.');
      expect(replyText(reply)).toContain('note: called the CFO');
      expect(await leads()).toMatchObject([{ stage: 'contacted', lastTouchedAt: new Date('2026-11-25T15:00:00Z') }]);
      expect(await events('touch')).toMatchObject([{ by: people.rita.id, detail: 'called the CFO' }]);
      expect(await h.database.prisma.activity.count()).toBe(0);
    });

    it('with an activity word first, also logs one of it and shows the goals it moved', async () => {
      await h.command(people.rita, '/goal', 'calls 40 weekly');
      await lead('add Acme Corp 12000 #widgets');
      const reply = await lead('touch Acme Corp call left a voicemail');
      expect(replyText(reply)).toContain('Also logged *1 call*.');
      expect(replyText(reply)).toContain('*Calls this week:* 1 / 40');
      const [saved] = await leads();
      expect(await h.database.prisma.activity.findMany()).toMatchObject([
        { userId: people.rita.id, typeKey: 'call', count: 1, amount: null, lead: 'Acme Corp', leadId: saved?.id, productLine: 'widgets', note: 'left a voicemail' },
      ]);
      expect(await events('touch')).toMatchObject([{ detail: 'left a voicemail' }]);
    });

    it('an ambiguous or unknown name lists the candidates and changes nothing', async () => {
      await lead('add Acme Corp');
      await lead('add Acme Ltd');
      const ambiguous = await lead('touch Acme called');
      expect(replyText(ambiguous)).toContain('“Acme” could be more than one lead: Acme Corp, Acme Ltd.');
      const unknown = await lead('touch Zeta called them');
      expect(replyText(unknown)).toContain('You have no open lead called “Zeta called them”. Your leads: Acme Corp, Acme Ltd.');
      expect(replyText(unknown)).not.toContain('Keep your leads');
      expect(await events('touch')).toEqual([]);
      expect((await leads()).map((l) => l.stage)).toEqual(['new', 'new']);
    });

    it('with no leads at all, says how to add one', async () => {
      const reply = await lead('touch Acme');
      expect(replyText(reply)).toContain('You have no open leads yet. Add one with `/lead add Acme Corp 12000 follow up friday`.');
    });

    it('never finds another rep’s lead', async () => {
      await h.command(people.bob, '/lead', 'add Acme Corp');
      await lead('add Beta');
      const reply = await lead('touch Acme Corp called');
      expect(replyText(reply)).toContain('You have no open lead called “Acme Corp called”. Your leads: Beta.');
      expect(await events('touch')).toEqual([]);
    });
  });

  describe('followup and stage', () => {
    it('plans the next follow-up, in words', async () => {
      await lead('add Acme Corp');
      const reply = await lead('followup Acme in 3 days');
      expect(replyText(reply)).toContain('Next follow-up for *Acme Corp*: Saturday, Nov 28.');
      expect(day((await leads())[0]?.nextFollowUpOn ?? null)).toBe('2026-11-28');
      expect(await events('followup')).toMatchObject([{ detail: '2026-11-28' }]);
      const again = await lead('follow up Acme Corp 1 Dec');
      expect(replyText(again)).toContain('Next follow-up for *Acme Corp*: Tuesday, Dec 1.');
    });

    it.each([
      ['followup Acme someday', '“someday” is not a date I can read'],
      ['followup Acme yesterday', '2026-11-24 has passed'],
      ['followup Acme 30 Feb', 'There is no such date as “30 Feb”'],
      ['followup Acme', 'When should you follow up?'],
    ])('a bad date "%s" is explained and changes nothing', async (input, message) => {
      await lead('add Acme Corp follow up friday');
      const reply = await lead(input);
      expect(replyText(reply)).toContain(message);
      expect(day((await leads())[0]?.nextFollowUpOn ?? null)).toBe('2026-11-27');
      expect(await events('followup')).toEqual([]);
    });

    it('moves the lead to an open stage; won and lost go through their own actions', async () => {
      await lead('add Acme Corp');
      const reply = await lead('stage Acme Corp qualified');
      expect(replyText(reply)).toContain('*Acme Corp* is now at stage *qualified*.');
      expect(await leads()).toMatchObject([{ stage: 'qualified' }]);
      const won = await lead('stage Acme Corp won');
      expect(replyText(won)).toContain('A lead is closed with `won` or `lost`, which also log the deal: `/lead won Acme Corp 11500`');
      const unknown = await lead('stage Acme Corp proposal');
      expect(replyText(unknown)).toContain('“proposal” is not a stage.');
      expect(await leads()).toMatchObject([{ stage: 'qualified', closedAt: null }]);
      expect(await events('stage')).toHaveLength(1);
    });
  });

  describe('won and lost', () => {
    it('a win logs the deal, which moves a revenue goal', async () => {
      await h.command(people.rita, '/goal', 'revenue 50000 monthly');
      await lead('add Acme Corp 12000 #widgets follow up friday');
      const reply = await lead('won Acme Corp 11,500');
      expect(replyText(reply)).toContain('Won *Acme Corp* for 11,500 :tada:');
      expect(replyText(reply)).toContain('*Revenue this month:* 11,500 / 50,000');
      expect(replyText(reply)).not.toContain('Repeat business');
      const [saved] = await leads();
      expect(saved).toMatchObject({ stage: 'won', closedAt: new Date(start), nextFollowUpOn: null });
      expect(saved?.wonAmount?.toNumber()).toBe(11_500);
      const [deal] = await h.database.prisma.activity.findMany();
      expect(deal).toMatchObject({ typeKey: 'deal', count: 1, lead: 'Acme Corp', leadId: saved?.id, productLine: 'widgets' });
      expect(deal?.amount?.toNumber()).toBe(11_500);
      const list = await lead('list');
      expect(replyText(list)).toContain('You have no open leads.');
    });

    it('a win without an amount is worth the lead’s value; with neither, it asks', async () => {
      await lead('add Acme Corp 12000');
      await lead('add Beta');
      expect(replyText(await lead('won Acme'))).toContain('Won *Acme Corp* for 12,000');
      expect(replyText(await lead('won Beta'))).toContain('Beta has no value, so give the amount it was won for');
      expect(replyText(await lead('won Beta finally signed'))).toContain('I didn’t understand “finally signed”');
      expect(await leads()).toMatchObject([{ stage: 'won' }, { stage: 'new' }]);
      expect(await h.database.prisma.activity.count()).toBe(1);
    });

    it('names repeat business from the same account', async () => {
      await lead('add Acme Corp 5000');
      await lead('won Acme Corp');
      await lead('add Acme Corp 7000');
      const second = await lead('won Acme Corp');
      expect(replyText(second)).toContain('Repeat business: 2nd deal from Acme Corp');
      await lead('add Acme Widgets Order 3000 account Acme Corp');
      const third = await lead('won Acme Widgets Order');
      expect(replyText(third)).toContain('Repeat business: 3rd deal from Acme Corp');
      expect((await leads()).map((l) => l.stage)).toEqual(['won', 'won', 'won']);
    });

    it('a loss keeps its reason and takes the lead off the list', async () => {
      await lead('add Acme Corp 12000');
      const reply = await lead('lost Acme Corp went with a competitor on price');
      expect(replyText(reply)).toContain('Marked *Acme Corp* lost: went with a competitor on price.');
      expect(await leads()).toMatchObject([{ stage: 'lost', lostReason: 'went with a competitor on price', closedAt: new Date(start) }]);
      expect(await h.database.prisma.activity.findMany()).toMatchObject([{ typeKey: 'lost', count: 1, note: 'went with a competitor on price' }]);
      const again = await lead('lost Acme Corp');
      expect(replyText(again)).toContain('You have no open leads yet.');
    });
  });

  describe('pipeline', () => {
    it('shows value by stage, weighted forecast, won this month and coverage of the quota', async () => {
      await h.command(people.rita, '/goal', 'revenue 20000 monthly');
      await lead('add Acme Corp 30000');
      await lead('stage Acme Corp qualified');
      await lead('add Beta 10000');
      await lead('add Gamma');
      await lead('add Delta 5000');
      await lead('won Delta');
      const reply = await lead('pipeline');
      const text = replyText(reply);
      expect(text).toContain('*Your pipeline*');
      expect(text).toContain('*new:* 2 leads · 10,000');
      expect(text).toContain('*qualified:* 1 lead · 30,000');
      expect(text).toContain('*Open pipeline:* 40,000 in 3 leads');
      expect(text).toContain('1 open lead has no value yet and counts as 0.');
      // 30,000 × 0.4 + 10,000 × 0.1
      expect(text).toContain('*Weighted forecast:* 13,000');
      expect(text).toContain('*Won this month:* 5,000 in 1 deal');
      expect(text).toContain('*Coverage:* 2× the monthly quota of 20,000 (rule of thumb: 3× quota)');
      expect(text).toContain('about 20,000 more in the pipeline would reach 3×');
    });

    it('does not count last month’s wins, and says how to set a quota', async () => {
      h.clock.set('2026-10-30T10:00:00Z');
      await lead('add Acme Corp 5000');
      await lead('won Acme Corp');
      h.clock.set(start);
      const reply = await lead('pipeline');
      expect(replyText(reply)).toContain('No open leads yet.');
      expect(replyText(reply)).toContain('*Won this month:* 0 in 0 deals');
      expect(replyText(reply)).toContain('Set one with `/goal revenue 50000 monthly`');
    });
  });

  describe('help and the form', () => {
    it('/lead help shows every action', async () => {
      const reply = await lead('help');
      expect(replyText(reply)).toContain('*Keep your leads*');
      expect(replyText(reply)).toContain('`/lead pipeline team East`');
    });

    it('bare /lead opens the lead form, remembering the channel', async () => {
      await h.send.slashCommand({ teamId, userId: people.rita.id, command: '/lead', text: '', channelId: 'C0SALES', responseUrl: h.slack.responseUrl(), triggerId: 'trigger-lead' });
      const opened = await h.slack.waitForCall('views.open');
      expect(opened.args.trigger_id).toBe('trigger-lead');
      expect(opened.args.view).toMatchObject({ callback_id: ids.views.leadModal, private_metadata: JSON.stringify({ channelId: 'C0SALES' }) });
    });
  });
});
