import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseAvailable } from '../support/test-database.js';
import { mention, people, replyText, setUpEastAndWest, teamId, usePacer, type Person } from '../support/pacer-harness.js';

describe.skipIf(!testDatabaseAvailable())('/pacer teams and roles', () => {
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });

  const organise = () => setUpEastAndWest(h, [people.rita]);

  it('an admin creates teams that managers then run', async () => {
    const created = await h.command(people.mia, '/pacer', 'team create East <#C0EAST|sales-east>');
    expect(replyText(created)).toContain('Team *East* created; its boards and shout-outs go to <#C0EAST>.');
    await h.command(people.mia, '/pacer', `team East manager ${mention(people.max)}`);
    await h.command(people.max, '/pacer', `team East add ${mention(people.rita)} ${mention(people.bob)}`);
    await h.command(people.max, '/pacer', 'team East digest <#C0MGRS|east-managers>');
    await h.command(people.max, '/pacer', 'team East timezone Europe/Warsaw');
    const card = await h.command(people.max, '/pacer', 'team east');
    expect(replyText(card)).toContain('*Managers:* <@U0MAX>');
    expect(replyText(card)).toContain('*Reps:* <@U0RITA>, <@U0BOB>');
    expect(replyText(card)).toContain('*Digest:* <#C0MGRS>');
    expect(replyText(card)).toContain('*Time zone:* Europe/Warsaw');
    const removed = await h.command(people.max, '/pacer', `team East remove ${mention(people.bob)}`);
    expect(replyText(removed)).toContain('<@U0BOB> removed from *East*.');
    const list = await h.command(people.bob, '/pacer', 'team list');
    expect(replyText(list)).toContain('*East* · <#C0EAST> · managed by <@U0MAX> · 1 reps');
    const rows = await h.database.prisma.salesTeamMember.findMany({ where: { teamId }, orderBy: { role: 'asc' } });
    expect(rows.map((r) => [r.userId, r.role])).toEqual([['U0MAX', 'manager'], ['U0RITA', 'member']]);
  });

  it('a manager places a rep by territory, product line and segment; none clears it', async () => {
    await organise();
    expect(replyText(await h.command(people.max, '/pacer', `member ${mention(people.rita)} territory North West`))).toContain('<@U0RITA>’s territory is now North West.');
    await h.command(people.max, '/pacer', `member ${mention(people.rita)} segment SMB`);
    await h.command(people.max, '/pacer', `member ${mention(people.rita)} segment none`);
    expect(await h.database.prisma.member.findUnique({ where: { teamId_userId: { teamId, userId: people.rita.id } } })).toMatchObject({ territory: 'North West', segment: null });
  });

  it('a named admin may administer; a duplicate team name is refused', async () => {
    await h.command(people.mia, '/pacer', `admin ${mention(people.wes)}`);
    expect(replyText(await h.command(people.wes, '/pacer', 'team create East <#C0EAST>'))).toContain('Team *East* created');
    expect(replyText(await h.command(people.mia, '/pacer', 'team create east <#C0OTHER>'))).toContain('There is already a team called “east”.');
  });

  const everyone = [people.mia, people.max, people.wes, people.rita, people.bob];
  const bobInWest = async () => void (await h.command(people.wes, '/pacer', `team West add ${mention(people.bob)}`));
  const bobNamedAdmin = async () => void (await h.command(people.mia, '/pacer', `admin ${mention(people.bob)}`));
  // Who may do what: admin (Mia), East's manager (Max), West's manager (Wes), an East rep (Rita), someone in no team (Bob),
  // after an optional extra step of set-up.
  const matrix: [string, () => string, Person[], (() => Promise<void>)?][] = [
    ['create a team', () => 'team create North <#C0NORTH|north>', [people.mia]],
    ['name a manager', () => `team East manager ${mention(people.bob)}`, [people.mia]],
    ['name an admin', () => `admin ${mention(people.bob)}`, [people.mia]],
    ['take back a named admin', () => `admin remove ${mention(people.bob)}`, [people.mia, people.bob], bobNamedAdmin],
    ['add a rep to East', () => `team East add ${mention(people.bob)}`, [people.mia, people.max]],
    ['move West’s rep into East', () => `team East add ${mention(people.bob)}`, [people.mia], bobInWest],
    ['add West’s manager to East as a rep', () => `team East add ${mention(people.wes)}`, [people.mia]],
    ['add an admin to East as a rep', () => `team East add ${mention(people.mia)}`, [people.mia]],
    ['remove a rep from East', () => `team East remove ${mention(people.rita)}`, [people.mia, people.max]],
    ['remove East’s manager', () => `team East remove ${mention(people.max)}`, [people.mia]],
    ['set East’s digest channel', () => 'team East digest <#C0MGRS|mgrs>', [people.mia, people.max]],
    ['see East', () => 'team East', [people.mia, people.max, people.rita]],
    ['set Rita’s territory', () => `member ${mention(people.rita)} territory North`, [people.mia, people.max]],
    ['set East’s estimates per unit of quota', () => 'team East estimates 4', [people.mia, people.max]],
    ['list the teams', () => 'team list', everyone],
  ];

  describe.each(matrix)('%s', (_what, commandText, allowed, setUp) => {
    it.each(everyone.map((p) => [p.name, p] as const))('as %s', async (_name, actor) => {
      await organise();
      await setUp?.();
      const before = await h.database.prisma.salesTeamMember.findMany({ orderBy: [{ userId: 'asc' }, { salesTeamId: 'asc' }] });
      const reply = await h.command(actor, '/pacer', commandText());
      if (allowed.includes(actor)) expect(replyText(reply)).not.toContain(':warning:');
      else {
        expect(replyText(reply)).toMatch(/:warning: Only (Pacer admins|managers of|members and managers of)/);
        expect(await h.database.prisma.salesTeamMember.findMany({ orderBy: [{ userId: 'asc' }, { salesTeamId: 'asc' }] })).toEqual(before);
      }
    });
  });

  // Commands that open a form: allowed, the form opens and nothing is said; refused, no form.
  const forms: [string, string, Person[]][] = [
    ['open East’s settings', 'settings East', [people.mia, people.max]],
    ['open the activity types', 'types', [people.mia]],
  ];
  describe.each(forms)('%s', (_what, commandText, allowed) => {
    it.each(everyone.map((p) => [p.name, p] as const))('as %s', async (_name, actor) => {
      await organise();
      h.slack.reset();
      const responseUrl = h.slack.responseUrl();
      await h.send.slashCommand({ teamId, userId: actor.id, userName: actor.name, command: '/pacer', text: commandText, channelId: 'C0SALES', responseUrl });
      await h.idle();
      const said = h.slack.callsTo('response_url').filter((c) => c.url === responseUrl);
      if (allowed.includes(actor)) {
        expect(h.slack.callsTo('views.open')).toHaveLength(1);
        expect(said).toEqual([]);
      } else {
        expect(h.slack.callsTo('views.open')).toEqual([]);
        expect(replyText(said[0] ?? { args: {} })).toMatch(/:warning: Only (Pacer admins|managers of East)/);
      }
    });
  });

  describe.each([['set Rita a goal', `${mention(people.rita)} calls 40 weekly`, [people.mia, people.max, people.rita]]] as const)('%s', (_what, goalText, allowed) => {
    it.each(everyone.map((p) => [p.name, p] as const))('as %s', async (_name, actor) => {
      await organise();
      const reply = await h.command(actor, '/goal', goalText);
      const goals = await h.database.prisma.goal.count({ where: { ownerId: people.rita.id } });
      if (allowed.includes(actor)) {
        expect(replyText(reply)).toMatch(/Goal set( for <@U0RITA>)?: \*calls 40 weekly\*/);
        expect(goals).toBe(1);
      } else {
        expect(replyText(reply)).toContain('Only a rep’s team managers and admins can set their goals.');
        expect(goals).toBe(0);
      }
    });
  });

  it('tells each person added, in a DM, who added them; those already in are not told again', async () => {
    await organise();
    const dms = (person: Person) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === person.id).map(replyText);
    expect(dms(people.max)).toEqual([expect.stringContaining('<@U0MIA> made you a manager of team *East*.')]);
    expect(dms(people.rita)).toEqual([expect.stringContaining('<@U0MAX> added you to team *East*.')]);
    h.slack.reset();
    const reply = await h.command(people.max, '/pacer', `team East add ${mention(people.rita)} ${mention(people.bob)}`);
    expect(replyText(reply)).toContain('<@U0RITA>, <@U0BOB> added to *East*.');
    expect(dms(people.bob)).toEqual([expect.stringContaining('<@U0MAX> added you to team *East*.')]);
    expect(dms(people.rita)).toEqual([]);
  });

  it('tells a manager why they may not move someone in, and changes nothing', async () => {
    await organise();
    await h.command(people.wes, '/pacer', `team West add ${mention(people.bob)}`);
    const moved = await h.command(people.max, '/pacer', `team East add ${mention(people.bob)}`);
    expect(replyText(moved)).toContain('Only Pacer admins can add <@U0BOB> to East: they are already in West.');
    const roles = await h.command(people.max, '/pacer', `team East add ${mention(people.wes)} ${mention(people.mia)}`);
    expect(replyText(roles)).toContain('Only Pacer admins can add <@U0WES>, <@U0MIA> to East as reps: they manage a team or are Pacer admins.');
    const comanager = await h.command(people.max, '/pacer', `team East remove ${mention(people.max)}`);
    expect(replyText(comanager)).toContain('Only Pacer admins can remove a manager (<@U0MAX>) from East.');
    expect(await h.database.prisma.salesTeamMember.count({ where: { userId: { in: [people.bob.id, people.wes.id, people.mia.id] } } })).toBe(2);
    // An admin moves them.
    expect(replyText(await h.command(people.mia, '/pacer', `team East add ${mention(people.bob)}`))).toContain('<@U0BOB> added to *East*.');
  });

  it('takes back a named admin’s rights at once; a Slack admin stays one, as Slack says', async () => {
    await organise();
    await h.command(people.mia, '/pacer', `admin ${mention(people.bob)}`);
    expect(replyText(await h.command(people.bob, '/pacer', 'team create North <#C0NORTH>'))).toContain('Team *North* created');
    expect(replyText(await h.command(people.max, '/pacer', `admin remove ${mention(people.bob)}`))).toContain('Only Pacer admins');
    expect(replyText(await h.command(people.mia, '/pacer', `admin remove ${mention(people.bob)}`))).toContain('<@U0BOB> is no longer a named Pacer admin.');
    expect(replyText(await h.command(people.bob, '/pacer', 'team create South <#C0SOUTH>'))).toContain('Only Pacer admins');
    expect(replyText(await h.command(people.mia, '/pacer', `admin remove ${mention(people.bob)}`))).toContain('<@U0BOB> was not named a Pacer admin');
    const slackAdmin = await h.command(people.mia, '/pacer', `admin remove ${mention(people.mia)}`);
    expect(replyText(slackAdmin)).toContain('They stay an admin while they are a Slack workspace admin or owner');
    expect(await h.database.prisma.pacerAdmin.count()).toBe(0);
  });

  describe('a Slack admin’s rights follow Slack within minutes', () => {
    const createTeam = async (name: string) => replyText(await h.command(people.mia, '/pacer', `team create ${name} <#C0${name.toUpperCase()}>`));
    beforeEach(() => h.clock.set('2026-11-25T11:00:00Z'));
    afterEach(() => h.clock.set('2026-11-25T11:00:00Z'));

    it('lost in Slack: still an admin for five minutes, then not', async () => {
      try {
        expect(await createTeam('North')).toContain('created');
        h.slack.setUser({ ...people.mia, isAdmin: false });
        h.clock.set('2026-11-25T11:04:00Z');
        expect(await createTeam('South')).toContain('created');
        h.clock.set('2026-11-25T11:06:00Z');
        expect(await createTeam('West')).toContain('Only Pacer admins');
        expect(await h.database.prisma.member.findFirst({ where: { userId: people.mia.id } })).toMatchObject({ isAdmin: false });
      } finally {
        h.slack.setUser(people.mia);
      }
    });

    it('while Slack does not answer, an old admin flag grants nothing; a rep’s rights stay', async () => {
      expect(await createTeam('North')).toContain('created');
      h.clock.set('2026-11-25T11:06:00Z');
      for (let i = 0; i < 5; i += 1) h.slack.queueFault('users.info', { status: 500 });
      expect(await createTeam('South')).toContain('Only Pacer admins');
      expect(replyText(await h.command(people.mia, '/goal', 'calls 40 weekly'))).toContain('Goal set: *calls 40 weekly*');
      expect(replyText(await h.command(people.mia, '/log', 'call 2'))).not.toContain(':warning:');
      h.slack.reset();
      // Slack answers again: she is an admin, and may.
      expect(await createTeam('South')).toContain('created');
      expect(h.slack.callsTo('users.info').map((c) => c.args.user)).toEqual([people.mia.id]);
    });
  });

  it('refuses more than 50 people in one command, before asking Slack about any', async () => {
    await organise();
    h.slack.reset();
    const many = Array.from({ length: 51 }, (_, i) => `<@U0REP${i}|rep${i}>`).join(' ');
    const reply = await h.command(people.max, '/pacer', `team East add ${many}`);
    expect(replyText(reply)).toContain('That names 51 people; one command takes at most 50.');
    expect(h.slack.callsTo('users.info')).toEqual([]);
  });

  it('a team goal counts the sum of its reps’ logs, and shows in their log replies', async () => {
    await organise();
    await h.command(people.max, '/pacer', `team East add ${mention(people.bob)}`);
    const set = await h.command(people.max, '/goal', 'team East calls 100 weekly');
    expect(replyText(set)).toContain('Goal set for team East: *calls 100 weekly*');
    await h.command(people.bob, '/log', 'call 3');
    await h.command(people.wes, '/log', 'call 50');
    const reply = await h.command(people.rita, '/log', 'call 5');
    expect(replyText(reply)).toContain('Team East · *Calls this week:* 8 / 100');
    const list = await h.command(people.rita, '/goal', 'list team East');
    expect(replyText(list)).toContain('Goals of team East');
    expect(replyText(list)).toContain('*Calls this week:* 8 / 100');
    expect(replyText(await h.command(people.wes, '/goal', 'team East calls 10 weekly'))).toContain('Only managers of East and admins can change it.');
    expect(replyText(await h.command(people.wes, '/goal', 'list team East'))).toContain('Only members and managers of East, and admins, can see it.');
  });

  it('a manager’s App Home shows each rep’s main goal and who is behind', async () => {
    await organise();
    await h.command(people.max, '/goal', `${mention(people.rita)} calls 40 weekly`);
    await h.command(people.rita, '/log', 'call 2');
    h.slack.reset();
    await h.send.event({ teamId, event: { type: 'app_home_opened', user: people.max.id, channel: 'D0MAX', tab: 'home' } });
    const home = JSON.stringify((await h.slack.waitForCall('views.publish', (c) => c.args.user_id === people.max.id)).args.view);
    expect(home).toContain('Team East');
    expect(home).toContain('<@U0RITA> · *Calls this week:* 2 / 40 — behind pace (expected 20 by now)');
    expect(home).toContain('Behind or at risk: <@U0RITA>');
    h.slack.reset();
    await h.send.event({ teamId, event: { type: 'app_home_opened', user: people.rita.id, channel: 'D0RITA', tab: 'home' } });
    const repHome = JSON.stringify((await h.slack.waitForCall('views.publish', (c) => c.args.user_id === people.rita.id)).args.view);
    expect(repHome).not.toContain('Team East');
  });

  it('a company goal counts everyone, and only admins set it', async () => {
    await organise();
    expect(replyText(await h.command(people.max, '/goal', 'company revenue 1000000 quarterly'))).toContain('Only Pacer admins');
    expect(replyText(await h.command(people.mia, '/goal', 'company revenue 1000000 quarterly'))).toContain('Goal set for the company: *revenue 1,000,000 quarterly*');
    await h.command(people.wes, '/log', 'deal 20000 Acme');
    const reply = await h.command(people.rita, '/log', 'deal 5000 Initech');
    expect(replyText(reply)).toContain('The company · *Revenue this quarter:* 25,000 / 1,000,000');
    expect(await h.database.prisma.goal.count({ where: { ownerType: 'company' } })).toBe(1);
  });

  it('a manager of East may not touch West, and is told why', async () => {
    await organise();
    expect(replyText(await h.command(people.max, '/pacer', `team West add ${mention(people.bob)}`))).toContain('Only managers of West and admins can change it.');
    expect(await h.database.prisma.salesTeamMember.count({ where: { userId: people.bob.id } })).toBe(0);
  });

  it.each([
    ['team create East #sales-east', 'Pick the channel from Slack’s list'],
    ['team Nowhere', 'There is no team called “Nowhere” — there are no teams yet.'],
    ['team East add @rita', 'Pick the rep with an @-mention'],
    ['team East week someday', '“someday” is not a weekday.'],
    ['fly', 'I don’t know “fly”.'],
  ])('bad input "%s" is explained with the forms, and nothing is written', async (input, message) => {
    const reply = await h.command(people.mia, '/pacer', input);
    expect(replyText(reply)).toContain(message);
    expect(await h.database.prisma.salesTeam.count()).toBe(0);
  });

  it('bare /pacer shows the help', async () => {
    expect(replyText(await h.command(people.rita, '/pacer', ''))).toContain('/pacer team create East #sales-east');
  });
});
