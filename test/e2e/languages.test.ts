import { describe, expect, it, onTestFinished } from 'vitest';
import { mention, people, replyText, usePacer } from '../support/pacer-harness.js';
import { testDatabaseAvailable } from '../support/test-database.js';

describe.skipIf(!testDatabaseAvailable())('the workspace’s language and currency', () => {
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });
  const german = { ...people.rita, locale: 'de-DE' };
  const speakGerman = () => {
    h.slack.setUser(german);
    onTestFinished(() => h.slack.setUser(people.rita));
  };

  it('an admin sets the currency; a rep whose Slack is in German logs a deal of 12000 and reads 12.000 €', async () => {
    speakGerman();
    expect(replyText(await h.command(people.rita, '/pacer', 'currency EUR'))).toContain('Admin');
    expect(replyText(await h.command(people.mia, '/pacer', 'currency euros'))).toContain('is not a currency code');
    expect(replyText(await h.command(people.mia, '/pacer', 'currency EUR'))).toContain('Amounts are now shown in *EUR*: €12,000');
    expect(replyText(await h.command(german, '/log', 'deal 12000 Acme Corp'))).toMatch(/12\.000\s€/);
    expect(replyText(await h.command(people.bob, '/pacer', 'currency'))).toContain('Amounts are shown in *EUR*: €12,000');
    expect(replyText(await h.command(people.mia, '/pacer', 'currency none'))).toContain('without a currency');
    expect(replyText(await h.command(german, '/log', 'deal 5000 Beta'))).not.toContain('€');
  });

  it('posts to channels take the workspace’s language; each person still reads their own', async () => {
    speakGerman();
    expect(replyText(await h.command(people.mia, '/pacer', 'language klingon'))).toContain('is not a language Pacer writes');
    expect(replyText(await h.command(people.mia, '/pacer', 'language deutsch'))).toContain('Posts to channels are now in *German*');
    const sent = await h.command(people.bob, '/kudos', `${mention(german)} for closing Acme in record time`);
    expect(replyText(sent)).toContain('Kudos sent to');
    const post = h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0SALES');
    expect(replyText(post!)).toContain('gibt <@U0RITA> Kudos');
    expect(replyText(await h.command(people.bob, '/pacer', 'language'))).toContain('are in *German*');
  });

  it('a German rep writes lead amounts the German way: 12.000 and 12,5k are read, 12,000 is asked about and nothing is written', async () => {
    speakGerman();
    expect(replyText(await h.command(german, '/lead', 'add Acme Corp 12.000'))).toContain('12.000');
    expect(replyText(await h.command(german, '/lead', 'add Beta GmbH 12,000'))).toContain('12,000');
    const leads = await h.database.prisma.lead.findMany({ select: { name: true, value: true } });
    expect(leads.map((lead) => [lead.name, Number(lead.value)])).toEqual([['Acme Corp', 12000]]);
    expect(replyText(await h.command(german, '/lead', 'won Acme Corp 12,5k'))).toMatch(/12\.500/);
    expect(Number((await h.database.prisma.lead.findFirstOrThrow({ where: { name: 'Acme Corp' } })).wonAmount)).toBe(12500);
  });
});
