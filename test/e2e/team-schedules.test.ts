import { describe, expect, it } from 'vitest';
import { testDatabaseAvailable } from '../support/test-database.js';
import { people, replyText, setUpEastAndWest, teamId, usePacer } from '../support/pacer-harness.js';

describe.skipIf(!testDatabaseAvailable())('/pacer team <name> board|ranking|digest: when a team’s board and digest go out', () => {
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });

  const east = () => h.database.prisma.salesTeam.findFirstOrThrow({ where: { teamId, name: 'East' } });
  /** The schedule columns, as the store keeps them. */
  const schedules = async () => {
    const row = await east();
    return {
      board: [row.boardEnabled, row.boardDay, row.boardAt],
      ranking: [row.ranking, row.rankingMetric],
      digest: [row.digestWeekly, row.digestDay, row.digestAt, row.digestDailyAt],
      digestChannelId: row.digestChannelId,
    };
  };
  const asMax = async (text: string) => replyText(await h.command(people.max, '/pacer', `team East ${text}`));

  it('a new team posts its board on Monday at 09:00 by points, and its digest on Monday at 08:30; the card says so', async () => {
    await setUpEastAndWest(h, [people.rita]);
    const card = await asMax('');
    expect(card).toContain('*Board:* Monday 09:00, by points');
    expect(card).toContain('*Digest:* Monday 08:30');
    expect(card).not.toContain('daily');
    expect(await schedules()).toMatchObject({ board: [true, 1, '09:00'], ranking: ['points', null], digest: [true, 1, '08:30', null] });
  });

  it('a manager moves the board, switches it off, and on again at the same time', async () => {
    await setUpEastAndWest(h, [people.rita]);
    expect(await asMax('board tuesday 10:00')).toContain('*Board:* Tuesday 10:00, by points');
    expect(await schedules()).toMatchObject({ board: [true, 2, '10:00'] });
    expect(await asMax('board off')).toContain('*Board:* off');
    expect(await schedules()).toMatchObject({ board: [false, 2, '10:00'] });
    expect(await asMax('board on')).toContain('*Board:* Tuesday 10:00, by points');
    expect(await asMax('board fri 4:30pm')).toContain('*Board:* Friday 16:30, by points');
  });

  it('a manager ranks the board by an activity type or goal attainment; an unknown ranking lists the choices', async () => {
    await setUpEastAndWest(h, [people.rita]);
    expect(await asMax('ranking calls')).toContain('*Board:* Monday 09:00, by calls');
    expect(await schedules()).toMatchObject({ ranking: ['metric', 'call'] });
    expect(await asMax('ranking goal')).toContain('*Board:* Monday 09:00, by goal attainment');
    expect(await schedules()).toMatchObject({ ranking: ['goal', null] });
    expect(await asMax('ranking revenue')).toContain('by revenue');
    expect(await schedules()).toMatchObject({ ranking: ['metric', 'revenue'] });

    expect(await asMax('ranking bogus')).toContain(
      '“bogus” is not a ranking. Choose one of: points, goal, revenue, call, email, meeting, demo, estimate, proposal, deal, lost, referral.',
    );
    expect(await schedules()).toMatchObject({ ranking: ['metric', 'revenue'] });
  });

  it('a manager sets the weekly and daily digest, switches each off, and `digest #channel` still sets the channel', async () => {
    await setUpEastAndWest(h, [people.rita]);
    expect(await asMax('digest weekly friday 16:00')).toContain('*Digest:* Friday 16:00');
    expect(await schedules()).toMatchObject({ digest: [true, 5, '16:00', null] });
    expect(await asMax('digest daily 17:00')).toContain('*Digest:* Friday 16:00 · daily 17:00');
    expect(await schedules()).toMatchObject({ digest: [true, 5, '16:00', '17:00'] });
    expect(await asMax('digest daily off')).not.toContain('daily');
    expect(await schedules()).toMatchObject({ digest: [true, 5, '16:00', null] });

    await asMax('digest daily 17:00');
    expect(await asMax('digest off')).toContain('*Digest:* weekly off');
    expect(await schedules()).toMatchObject({ digest: [false, 5, '16:00', null] });

    expect(await asMax('digest <#C0MGRS|east-managers>')).toContain('*Digest:* <#C0MGRS>');
    expect(await schedules()).toMatchObject({ digestChannelId: 'C0MGRS', digest: [false, 5, '16:00', null] });
  });

  it.each([
    ['board off'],
    ['board tuesday 10:00'],
    ['ranking goal'],
    ['digest off'],
    ['digest daily 17:00'],
  ])('a rep is refused `%s`, and nothing is written', async (text) => {
    await setUpEastAndWest(h, [people.rita]);
    const before = await schedules();
    expect(replyText(await h.command(people.rita, '/pacer', `team East ${text}`))).toContain('Only managers of East and admins can change it.');
    expect(await schedules()).toEqual(before);
  });

  it('West’s manager may not change East’s board; an admin may', async () => {
    await setUpEastAndWest(h, [people.rita]);
    expect(replyText(await h.command(people.wes, '/pacer', 'team East board off'))).toContain('Only managers of East and admins can change it.');
    expect(await schedules()).toMatchObject({ board: [true, 1, '09:00'] });
    expect(replyText(await h.command(people.mia, '/pacer', 'team East board off'))).toContain('*Board:* off');
  });

  it.each([
    ['board monday 25:00', '“monday 25:00” is not a board time.'],
    ['board someday 09:00', '“someday 09:00” is not a board time.'],
    ['board monday', '“monday” is not a board time.'],
    ['board', 'is not a board time.'],
    ['digest weekly friday 4:99', 'is not a digest schedule.'],
    ['digest weekly', 'is not a digest schedule.'],
    ['digest daily noon', '“daily noon” is not a digest schedule.'],
    ['digest sometimes', '“sometimes” is not a digest schedule.'],
  ])('a bad time `%s` is refused with the forms, and nothing is written', async (text, message) => {
    await setUpEastAndWest(h, [people.rita]);
    const before = await schedules();
    expect(await asMax(text)).toContain(message);
    expect(await schedules()).toEqual(before);
  });
});
