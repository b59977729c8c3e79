import { describe, expect, it } from 'vitest';
import { ids } from '../../src/slack/ids.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { buttonValue, mention, people, replyText, setUpEastAndWest, teamId, usePacer } from '../support/pacer-harness.js';

/**
 * A change of several rows is one transaction: with the database made to refuse its second write
 * (a trigger that raises, as a full disk or a lost connection would fail it), nothing of it is kept.
 */
describe.skipIf(!testDatabaseAvailable())('changes of several rows land whole or not at all', () => {
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });
  const rita = mention(people.rita);
  const goalsOf = async (ownerId: string) =>
    (await h.database.prisma.goal.findMany({ where: { teamId, ownerId }, orderBy: { createdAt: 'asc' } })).map((g) => [g.metric, g.target.toNumber()]);

  /** Runs `work` while the database refuses writes of estimate goals (`INSERT` or `UPDATE`). */
  async function refusingEstimates(on: 'INSERT' | 'UPDATE', work: () => Promise<void>) {
    const db = h.database.prisma;
    await db.$executeRawUnsafe(`CREATE FUNCTION pacer_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER pacer_test_refuse BEFORE ${on} ON goals FOR EACH ROW WHEN (NEW.metric = 'estimate') EXECUTE FUNCTION pacer_test_refuse()`);
    try {
      await work();
    } finally {
      await db.$executeRawUnsafe('DROP TRIGGER IF EXISTS pacer_test_refuse ON goals');
      await db.$executeRawUnsafe('DROP FUNCTION IF EXISTS pacer_test_refuse()');
    }
  }
  const apology = 'Sorry, something went wrong on our side';

  it('a quota and its estimate goal: both or neither, new or changed', async () => {
    await setUpEastAndWest(h, [people.rita]);
    await refusingEstimates('INSERT', async () => {
      expect(replyText(await h.command(people.max, '/goal', `${rita} deals 10 monthly #widgets`))).toContain(apology);
    });
    expect(await goalsOf(people.rita.id)).toEqual([]);
    await h.command(people.max, '/goal', `${rita} deals 10 monthly #widgets`);
    await refusingEstimates('UPDATE', async () => {
      expect(replyText(await h.command(people.max, '/goal', `${rita} deals 12 monthly #widgets`))).toContain(apology);
    });
    expect(await goalsOf(people.rita.id)).toEqual([['deal', 10], ['estimate', 30]]);
  });

  it('a rep joining or leaving a team, and the estimate goals that follow its rule', async () => {
    await setUpEastAndWest(h, []);
    await h.command(people.mia, '/goal', `${mention(people.bob)} deals 10 monthly #widgets`);
    await h.command(people.wes, '/pacer', 'team West estimates 2');
    await refusingEstimates('UPDATE', async () => {
      expect(replyText(await h.command(people.wes, '/pacer', `team West add ${mention(people.bob)}`))).toContain(apology);
    });
    expect(await h.database.prisma.salesTeamMember.count({ where: { userId: people.bob.id } })).toBe(0);
    expect(await goalsOf(people.bob.id)).toEqual([['deal', 10], ['estimate', 30]]);
    await h.command(people.wes, '/pacer', `team West add ${mention(people.bob)}`);
    await refusingEstimates('UPDATE', async () => {
      expect(replyText(await h.command(people.wes, '/pacer', `team West remove ${mention(people.bob)}`))).toContain(apology);
    });
    expect(await h.database.prisma.salesTeamMember.count({ where: { userId: people.bob.id } })).toBe(1);
    expect(await goalsOf(people.bob.id)).toEqual([['deal', 10], ['estimate', 20]]);
  });

  it('an Undo: a removed quota comes back with its estimate goal, or not at all, and may be tried again', async () => {
    await setUpEastAndWest(h, [people.rita]);
    await h.command(people.max, '/goal', `${rita} deals 10 monthly #widgets`);
    const removed = await h.command(people.max, '/goal', `remove ${rita} deals monthly #widgets`);
    await refusingEstimates('INSERT', async () => {
      expect(replyText(await h.click(people.max, ids.actions.undoGoal, buttonValue(removed, ids.actions.undoGoal)))).toContain(apology);
    });
    expect(await goalsOf(people.rita.id)).toEqual([]);
    expect(replyText(await h.click(people.max, ids.actions.undoGoal, buttonValue(removed, ids.actions.undoGoal)))).toContain('is back');
    expect(await goalsOf(people.rita.id)).toEqual([['deal', 10], ['estimate', 30]]);
  });
});
