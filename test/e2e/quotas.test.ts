import { describe, expect, it } from 'vitest';
import { ids } from '../../src/slack/ids.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { buttonValue, mention, people, replyText, setUpEastAndWest, teamId, usePacer } from '../support/pacer-harness.js';

describe.skipIf(!testDatabaseAvailable())('quotas per product line and their estimate goals', () => {
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });
  const rita = mention(people.rita);
  const goalsOf = async (ownerId: string) =>
    (await h.database.prisma.goal.findMany({ where: { teamId, ownerId }, orderBy: { createdAt: 'asc' } })).map((g) => ({
      id: g.id, metric: g.metric, target: g.target.toNumber(), productLine: g.productLine, derivedFromId: g.derivedFromId,
    }));

  it('a deals quota derives three estimates per deal, and follows the quota and the team’s rule', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const set = await h.command(people.max, '/goal', `${rita} deals 10 monthly #widgets`);
    expect(replyText(set)).toContain('Goal set for <@U0RITA>: *deals 10 monthly for #widgets*');
    expect(replyText(set)).toContain('*Estimates #widgets this month:* 0 / 30');
    expect(replyText(set)).toContain('With this quota goes an estimates goal (3 estimates per unit of quota, team East’s rule)');
    const [quota, estimates] = await goalsOf(people.rita.id);
    expect(estimates).toMatchObject({ metric: 'estimate', target: 30, productLine: 'widgets', derivedFromId: quota?.id });
    const dm = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === people.rita.id && replyText(c).includes('set you a goal'));
    expect(replyText(dm)).toContain('To win it, aim for *estimates 30 monthly for #widgets* too.');

    await h.command(people.max, '/goal', `${rita} deals 12 monthly #widgets`);
    expect((await goalsOf(people.rita.id))[1]?.target).toBe(36);
    const card = await h.command(people.max, '/pacer', 'team East estimates 4');
    expect(replyText(card)).toContain('*Estimates per unit of quota:* 4');
    expect((await goalsOf(people.rita.id))[1]?.target).toBe(48);
    const ruled = await h.command(people.max, '/goal', `${rita} deals 5 monthly #gadgets`);
    expect(replyText(ruled)).toContain('(4 estimates per unit of quota, team East’s rule)');
  });

  it('a rep in no team follows the standard rule, and the reply says so', async () => {
    const set = await h.command(people.bob, '/goal', 'revenue 10000 quarterly #widgets');
    expect(replyText(set)).toContain('(3 estimates per unit of quota, the standard rule;');
    expect(replyText(set)).toContain('*Estimate value #widgets this quarter:* 0 / 30,000');
  });

  it('Undo of a removed quota brings it back with its estimate goal', async () => {
    await setUpEastAndWest(h, [people.rita]);
    await h.command(people.max, '/goal', `${rita} deals 10 monthly #widgets win back churned accounts`);
    const removed = await h.command(people.max, '/goal', `remove ${rita} deals monthly #widgets`);
    expect(replyText(removed)).toContain('Its estimates goal, *estimates 30 monthly for #widgets*, goes with it');
    expect(await goalsOf(people.rita.id)).toEqual([]);
    const undone = await h.click(people.max, ids.actions.undoGoal, buttonValue(removed, ids.actions.undoGoal));
    expect(replyText(undone)).toContain('Undone: *deals 10 monthly for #widgets* is back.');
    const [quota, estimates] = await goalsOf(people.rita.id);
    expect(quota).toMatchObject({ metric: 'deal', target: 10, derivedFromId: null });
    expect(estimates).toMatchObject({ metric: 'estimate', target: 30, derivedFromId: quota?.id });
    expect(await h.database.prisma.goal.findFirst({ where: { id: quota?.id } })).toMatchObject({ note: 'win back churned accounts', setBy: people.max.id });
  });

  it('a quota’s Undo still applies after the team’s rule moved its estimates; a superseded Undo is refused', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const set = await h.command(people.max, '/goal', `${rita} deals 10 monthly #widgets`);
    await h.command(people.max, '/pacer', 'team East estimates 4');
    // The quota itself is as the reply left it: its Undo still applies, and takes the estimates with it.
    await h.click(people.max, ids.actions.undoGoal, buttonValue(set, ids.actions.undoGoal));
    expect(await goalsOf(people.rita.id)).toEqual([]);
    await h.command(people.max, '/goal', `${rita} deals 10 monthly #widgets`);
    const byHand = await h.command(people.max, '/goal', `${rita} estimates 50 monthly #widgets`);
    await h.command(people.max, '/goal', `${rita} estimates 55 monthly #widgets`);
    const refused = await h.click(people.max, ids.actions.undoGoal, buttonValue(byHand, ids.actions.undoGoal));
    expect(replyText(refused)).toContain('That goal has changed since');
    expect((await goalsOf(people.rita.id))[1]).toMatchObject({ target: 55, derivedFromId: null });
  });

  it('a revenue quota derives estimates worth three times the amount, moved by estimates logged with a value', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const set = await h.command(people.max, '/goal', `${rita} revenue 30000 monthly #widgets`);
    expect(replyText(set)).toContain('*Estimate value #widgets this month:* 0 / 90,000');
    const logged = await h.command(people.rita, '/log', 'estimate $30k Acme #widgets');
    expect(replyText(logged)).toContain('*Estimate value #widgets this month:* 30,000 / 90,000');
    const list = await h.command(people.rita, '/goal', 'list');
    expect(replyText(list)).toContain('follows its quota');
  });

  it('the derived goal is changed through its quota: removing it alone is refused, removing the quota removes it', async () => {
    await setUpEastAndWest(h, [people.rita]);
    await h.command(people.max, '/goal', `${rita} deals 10 monthly #widgets`);
    const refused = await h.command(people.max, '/goal', `remove ${rita} estimates monthly #widgets`);
    expect(replyText(refused)).toContain('That goal follows its quota');
    expect(await goalsOf(people.rita.id)).toHaveLength(2);
    const list = await h.command(people.max, '/goal', `list ${rita}`);
    expect(() => buttonValue({ args: { blocks: [(list.args.blocks as unknown[])[2]] } }, ids.actions.removeGoal)).toThrow();
    await h.command(people.max, '/goal', `remove ${rita} deals monthly #widgets`);
    expect(await goalsOf(people.rita.id)).toEqual([]);
  });

  it('setting the derived goal by hand stops it following; Undo makes it follow again', async () => {
    await setUpEastAndWest(h, [people.rita]);
    await h.command(people.max, '/goal', `${rita} deals 10 monthly #widgets`);
    const byHand = await h.command(people.max, '/goal', `${rita} estimates 40 monthly #widgets`);
    expect(replyText(byHand)).toContain('set by hand, it follows it no longer');
    await h.command(people.max, '/goal', `${rita} deals 20 monthly #widgets`);
    expect((await goalsOf(people.rita.id))[1]).toMatchObject({ target: 40, derivedFromId: null });
    await h.click(people.max, ids.actions.undoGoal, buttonValue(byHand, ids.actions.undoGoal));
    const [quota, estimates] = await goalsOf(people.rita.id);
    expect(estimates).toMatchObject({ target: 60, derivedFromId: quota?.id });
  });

  it('Undo of setting the derived goal by hand, once its quota is gone, restores the target without the link', async () => {
    await setUpEastAndWest(h, [people.rita]);
    await h.command(people.max, '/goal', `${rita} deals 10 monthly #widgets`);
    const byHand = await h.command(people.max, '/goal', `${rita} estimates 40 monthly #widgets`);
    await h.command(people.max, '/goal', `remove ${rita} deals monthly #widgets`);
    const undone = await h.click(people.max, ids.actions.undoGoal, buttonValue(byHand, ids.actions.undoGoal));
    expect(replyText(undone)).toContain('Undone: the goal is back as it was.');
    expect(await goalsOf(people.rita.id)).toMatchObject([{ metric: 'estimate', target: 30, derivedFromId: null }]);
  });

  it('Undo of a new quota takes its estimate goal with it', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const set = await h.command(people.max, '/goal', `${rita} deals 10 monthly #widgets`);
    await h.click(people.max, ids.actions.undoGoal, buttonValue(set, ids.actions.undoGoal));
    expect(await goalsOf(people.rita.id)).toEqual([]);
  });

  it('a team quota uses the team’s rule; an estimates goal set by hand beforehand is left alone', async () => {
    await setUpEastAndWest(h, [people.rita]);
    await h.command(people.max, '/pacer', 'team East estimates 2.5');
    const team = await h.command(people.max, '/goal', 'team East deals 5 monthly #widgets');
    expect(replyText(team)).toContain('*Estimates #widgets this month:* 0 / 13');
    await h.command(people.rita, '/goal', 'estimates 7 monthly #widgets');
    const own = await h.command(people.rita, '/goal', 'deals 2 monthly #widgets');
    expect(replyText(own)).not.toContain('With this quota goes');
    expect((await goalsOf(people.rita.id)).map((g) => [g.metric, g.target, g.derivedFromId])).toEqual([['estimate', 7, null], ['deal', 2, null]]);
  });

  it('a rep who joins a team with another rule gets its estimates; two changes at once leave one estimate goal', async () => {
    await setUpEastAndWest(h, []);
    await h.command(people.mia, '/goal', `${rita} deals 10 monthly #widgets`);
    await h.command(people.wes, '/pacer', 'team West estimates 2');
    await h.command(people.wes, '/pacer', `team West add ${rita}`);
    expect((await goalsOf(people.rita.id))[1]?.target).toBe(20);
    await h.command(people.wes, '/pacer', `team West remove ${rita}`);
    expect((await goalsOf(people.rita.id))[1]?.target).toBe(30);
    await Promise.all([
      h.command(people.mia, '/goal', `${rita} deals 11 monthly #gadgets`),
      h.command(people.mia, '/goal', `${rita} deals 12 monthly #gadgets`),
    ]);
    const gadgets = (await goalsOf(people.rita.id)).filter((g) => g.productLine === 'gadgets');
    expect(gadgets.map((g) => g.metric)).toEqual(['deal', 'estimate']);
  });

  it('refuses a rule out of range and writes nothing', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const reply = await h.command(people.max, '/pacer', 'team East estimates 50');
    expect(replyText(reply)).toContain('is not a number of estimates per unit of quota');
    expect((await h.database.prisma.salesTeam.findFirst({ where: { teamId, name: 'East' } }))?.estimatesPerQuotaUnit.toNumber()).toBe(3);
  });
});
