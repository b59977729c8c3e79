import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { mention, people, replyText, setUpEastAndWest, teamId, usePacer, type Person } from '../support/pacer-harness.js';
import { testDatabaseAvailable } from '../support/test-database.js';

const activityHeader = ['occurred_at', 'slack_user_id', 'member_name', 'type', 'count', 'amount', 'points', 'lead', 'product_line', 'note'];
const leadHeader = [
  'created_at', 'slack_user_id', 'member_name', 'lead', 'account', 'stage', 'value', 'product_line', 'source',
  'next_follow_up', 'last_touched_at', 'closed_at', 'won_amount', 'lost_reason', 'satisfaction', 'complaint',
];

describe.skipIf(!testDatabaseAvailable())('/pacer export', () => {
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });

  /** Teams set up on 1 October: what a manager exports of a rep starts the day the rep joined. */
  async function organise(reps: readonly Person[]) {
    h.clock.set('2026-10-01T08:00:00Z');
    await setUpEastAndWest(h, reps);
    h.clock.set('2026-11-25T11:00:00Z');
  }

  /** East: Max manages Rita and Bob. West: Wes manages. Mia is a Slack admin. Everyone logs something, a minute apart. */
  async function organiseAndLog() {
    await organise([people.rita, people.bob]);
    const logs: [Person, string][] = [
      [people.rita, 'call 5'],
      [people.bob, 'deal 12000 "Acme, Inc." #widgets first order'],
      [people.wes, 'call 3'],
      [people.max, 'meeting Initech'],
      [people.mia, 'email 2'],
      [people.rita, 'call 2 #widgets =HYPERLINK("x")'],
    ];
    let minute = 0;
    for (const [person, logText] of logs) {
      h.clock.set(`2026-11-20T09:${String(minute++).padStart(2, '0')}:00Z`);
      await h.command(person, '/log', logText);
    }
    // Last month's log is outside the default range.
    h.clock.set('2026-10-15T09:00:00Z');
    await h.command(people.rita, '/log', 'call 9');
    h.clock.set('2026-11-25T11:00:00Z');
  }

  /** What the export should hold: the stored activities of these people this month, as CSV cells. */
  async function expectedRows(userIds: readonly string[]) {
    const rows = await h.database.prisma.activity.findMany({
      where: { teamId, userId: { in: [...userIds] }, occurredAt: { gte: new Date('2026-11-01T00:00:00Z') } },
      orderBy: { occurredAt: 'asc' },
    });
    const members = new Map((await h.database.prisma.member.findMany({ where: { teamId } })).map((m) => [m.userId, m.name]));
    const cell = (value: string | null) => (value === null ? '' : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    return rows.map((r) => [
      r.occurredAt.toISOString(), r.userId, members.get(r.userId) ?? '', r.typeKey, String(r.count),
      r.amount === null ? '' : r.amount.toNumber().toString(), String(r.points), cell(r.lead), cell(r.productLine), cell(r.note),
    ]);
  }

  async function exported(person: Person, commandText: string) {
    h.slack.reset();
    const reply = await h.command(person, '/pacer', commandText);
    const upload = h.slack.uploads.at(-1);
    return { reply, upload, rows: upload ? (parse(upload.bytes.toString('utf8')) as string[][]) : [] };
  }

  it.each([
    ['a rep gets their own rows', people.rita, [people.rita]],
    ['a manager gets their teams’ reps and their own', people.max, [people.rita, people.bob, people.max]],
    ['an admin gets everything', people.mia, [people.rita, people.bob, people.wes, people.max, people.mia]],
  ] as const)('%s', async (_what, person, scope) => {
    await organiseAndLog();
    const { reply, rows } = await exported(person, 'export activities');
    const expected = await expectedRows(scope.map((p) => p.id));
    expect(rows[0]).toEqual(activityHeader);
    expect(rows.slice(1)).toEqual(expected);
    expect(replyText(reply)).toContain(`Sent activities.csv (${expected.length} rows) to your DM.`);
  });

  it('uploads to the requester’s DM through files.uploadV2, with formulas made harmless', async () => {
    await organiseAndLog();
    const { rows, upload } = await exported(people.rita, 'export activities 2026-11-20 2026-11-20');
    const methods = h.slack.calls.map((c) => c.method).filter((m) => m.startsWith('files.') || m === 'file_upload' || m === 'conversations.open');
    expect(methods).toEqual(['conversations.open', 'files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal']);
    expect(h.slack.callsTo('conversations.open')[0]?.args.users).toBe(people.rita.id);
    expect(upload?.channelId).toMatch(/^D/);
    expect(h.slack.callsTo('files.completeUploadExternal')[0]?.args.channel_id).toBe(upload?.channelId);
    expect(upload?.filename).toBe('activities.csv');
    expect(rows.map((r) => r[9])).toEqual(['note', '', `'=HYPERLINK("x")`]);
    expect(rows[2]?.slice(1, 3)).toEqual([people.rita.id, 'Rita Rep']);
  });

  it('narrows to a team the requester may see, and refuses one they may not', async () => {
    await organiseAndLog();
    const west = await exported(people.mia, 'export activities team West');
    expect(west.rows.slice(1)).toEqual(await expectedRows([people.wes.id]));
    const hidden = await exported(people.rita, 'export activities team West');
    expect(replyText(hidden.reply)).toContain('Only members and managers of West, and admins, can see it.');
    expect(hidden.upload).toBeUndefined();
    expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  });

  it.each([
    ['export activities 2026-11-31', '“2026-11-31” is not a date. Write dates YYYY-MM-DD'],
    ['export activities 2026-11-20 2026-11-01', 'The dates run backwards (2026-11-20 → 2026-11-01)'],
    ['export goals tomorrow', '“tomorrow” is not a date.'],
  ])('explains bad dates in "%s" and sends nothing', async (commandText, message) => {
    await organiseAndLog();
    const before = await h.database.prisma.activity.count();
    const { reply, upload } = await exported(people.max, commandText);
    expect(replyText(reply)).toContain(message);
    expect(replyText(reply)).toContain('/pacer export activities|goals|leads|checkins [from] [to]');
    expect(replyText(reply)).not.toContain('/pacer team create');
    expect(upload).toBeUndefined();
    expect(h.slack.calls.filter((c) => c.method.startsWith('files.') || c.method === 'file_upload')).toEqual([]);
    expect(await h.database.prisma.activity.count()).toBe(before);
  });

  it('exports the goals a manager can see', async () => {
    await organiseAndLog();
    await h.command(people.max, '/goal', `${mention(people.rita)} calls 40 weekly`);
    await h.command(people.max, '/goal', `${mention(people.rita)} deals 10 monthly #widgets`);
    await h.command(people.max, '/goal', 'team East revenue 200000 quarterly');
    await h.command(people.wes, '/goal', 'team West calls 100 weekly');
    await h.command(people.mia, '/goal', 'company revenue 1000000 quarterly');
    const { rows, reply } = await exported(people.max, 'export goals');
    expect(rows).toEqual([
      ['owner_type', 'owner', 'metric', 'target', 'period', 'starts_on', 'ends_on', 'product_line', 'note', 'set_by', 'follows_quota'],
      ['rep', people.rita.id, 'call', '40', 'week', '', '', '', '', people.max.id, ''],
      ['rep', people.rita.id, 'deal', '10', 'month', '', '', 'widgets', '', people.max.id, ''],
      ['rep', people.rita.id, 'estimate', '30', 'month', '', '', 'widgets', '', people.max.id, 'yes'],
      ['team', 'East', 'revenue', '200000', 'quarter', '', '', '', '', people.max.id, ''],
      ['company', 'company', 'revenue', '1000000', 'quarter', '', '', '', '', people.mia.id, ''],
    ]);
    expect(replyText(reply)).toContain('Sent goals.csv (5 rows) to your DM.');
  });

  it('a manager’s export covers a rep from the day they joined; the rep’s own and an admin’s, all of it', async () => {
    await organise([people.rita]);
    const logAt = async (person: Person, at: string, text: string) => {
      h.clock.set(at);
      await h.command(person, '/log', text);
    };
    await logAt(people.bob, '2026-11-05T09:00:00Z', 'call 1 before joining');
    await logAt(people.max, '2026-11-10T09:00:00Z', 'call 1');
    await h.command(people.max, '/pacer', `team East add ${mention(people.bob)}`);
    await logAt(people.bob, '2026-11-12T09:00:00Z', 'call 2 after joining');
    h.clock.set('2026-11-25T11:00:00Z');
    const notes = (rows: string[][]) => rows.slice(1).filter((r) => r[1] === people.bob.id).map((r) => r[9]);
    expect(notes((await exported(people.max, 'export activities')).rows)).toEqual(['after joining']);
    expect(notes((await exported(people.max, 'export activities team East')).rows)).toEqual(['after joining']);
    expect(notes((await exported(people.bob, 'export activities')).rows)).toEqual(['before joining', 'after joining']);
    expect(notes((await exported(people.mia, 'export activities')).rows)).toEqual(['before joining', 'after joining']);
    const joined = await h.database.prisma.salesTeamMember.findFirst({ where: { teamId, userId: people.bob.id } });
    expect(joined?.addedAt).toEqual(new Date('2026-11-10T09:00:00Z'));
  });

  it('refuses a range of more than a year, with the two halves to ask for', async () => {
    const { reply, upload } = await exported(people.mia, 'export activities 2025-06-01 2026-11-25');
    expect(replyText(reply)).toContain('One export covers at most a year, and 2025-06-01 → 2026-11-25 is longer. Ask for 2025-06-01 to 2026-05-31 first, then from 2026-06-01 on.');
    expect(upload).toBeUndefined();
    const year = await exported(people.mia, 'export activities 2025-11-26 2026-11-25');
    expect(year.upload?.filename).toBe('activities.csv');
  });

  it('streams a file longer than a page of rows, whole and in order', async () => {
    await organise([people.rita]);
    const at = new Date('2026-11-02T00:00:00Z').getTime();
    await h.database.prisma.activity.createMany({
      data: Array.from({ length: 2_345 }, (_, i) => ({
        teamId, userId: people.rita.id, typeKey: 'call', count: 1, points: 1, note: i === 7 ? '＝cmd|calc' : `call ${i}`, occurredAt: new Date(at + i * 60_000),
      })),
    });
    const { reply, rows, upload } = await exported(people.max, 'export activities');
    expect(replyText(reply)).toContain('Sent activities.csv (2345 rows) to your DM.');
    expect(rows).toHaveLength(2_346);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 2_345 }, (_, i) => new Date(at + i * 60_000).toISOString()));
    expect(rows[8]?.[9]).toBe("'＝cmd|calc");
    expect(h.slack.callsTo('files.getUploadURLExternal')[0]?.args.length).toBe(String(upload?.bytes.length));
  });

  it('exports check-ins: a header alone when there are none (their rows: test/e2e/check-ins.test.ts)', async () => {
    const { reply, rows } = await exported(people.rita, 'export checkins');
    expect(replyText(reply)).toContain('Sent checkins.csv (0 rows) to your DM.');
    expect(rows).toEqual([['week', 'sales_team', 'slack_user_id', 'member_name', 'status', 'late', 'flagged', 'submitted_at', 'answers', 'skipped_reason', 'coaching_notes']]);
  });

  describe('leads', () => {
    /** A lead as the store keeps it, written straight to the database so its dates are the test's. */
    async function seedLead(owner: Person, name: string, createdAt: string, more: { stage?: string; closedAt?: string; value?: number; wonAmount?: number; productLine?: string; source?: string; nextFollowUpOn?: string; lostReason?: string; satisfaction?: number; complaint?: string } = {}) {
      const { closedAt, nextFollowUpOn, ...rest } = more;
      await h.database.prisma.lead.create({
        data: {
          teamId, ownerId: owner.id, name, nameKey: name.toLowerCase(), account: name, accountKey: name.toLowerCase(), createdBy: owner.id,
          createdAt: new Date(createdAt), lastTouchedAt: new Date(createdAt), ...rest,
          ...(closedAt ? { closedAt: new Date(closedAt) } : {}),
          ...(nextFollowUpOn ? { nextFollowUpOn: new Date(`${nextFollowUpOn}T00:00:00Z`) } : {}),
        },
      });
    }

    /** East (Max: Rita, Bob) and West (Wes); each has leads, some closed before November and one created after today. */
    async function organiseAndAddLeads() {
      await organise([people.rita, people.bob]);
      await seedLead(people.bob, 'Old Deal', '2026-09-01T09:00:00Z', { stage: 'lost', closedAt: '2026-10-20T09:00:00Z', lostReason: 'price' });
      await seedLead(people.bob, 'Initech', '2026-10-05T09:00:00Z', {
        stage: 'won', closedAt: '2026-11-10T15:00:00Z', value: 12000, wonAmount: 11500, productLine: 'widgets', source: 'company', satisfaction: 4, complaint: '-late delivery',
      });
      await seedLead(people.rita, 'Acme Corp', '2026-11-02T09:00:00Z', { stage: 'qualified', value: 30000.5, nextFollowUpOn: '2026-11-27' });
      await seedLead(people.rita, '=Evil', '2026-11-03T09:00:00Z');
      await seedLead(people.max, 'Umbrella', '2026-11-04T09:00:00Z');
      await seedLead(people.wes, 'Globex', '2026-11-05T09:00:00Z');
      await seedLead(people.mia, 'Hooli', '2026-11-06T09:00:00Z');
      await seedLead(people.rita, 'Tomorrow Inc', '2026-11-26T09:00:00Z');
    }

    const names = (rows: string[][]) => rows.slice(1).map((r) => r[3]);

    it.each([
      ['a rep gets their own leads', people.rita, ['Acme Corp', "'=Evil"]],
      ['a manager gets their teams’ reps’ and their own', people.max, ['Initech', 'Acme Corp', "'=Evil", 'Umbrella']],
      ['an admin gets everyone’s', people.mia, ['Initech', 'Acme Corp', "'=Evil", 'Umbrella', 'Globex', 'Hooli']],
    ] as const)('%s, open at some time this month', async (_what, person, expected) => {
      await organiseAndAddLeads();
      const { reply, rows, upload } = await exported(person, 'export leads');
      expect(upload?.filename).toBe('leads.csv');
      expect(rows[0]).toEqual(leadHeader);
      expect(names(rows)).toEqual(expected);
      expect(replyText(reply)).toContain(`Sent leads.csv (${expected.length} rows) to your DM.`);
    });

    it('writes each lead whole, with ISO times, the local follow-up date and guarded cells', async () => {
      await organiseAndAddLeads();
      const { rows } = await exported(people.max, 'export lead');
      const member = async (person: Person) => (await h.database.prisma.member.findFirst({ where: { teamId, userId: person.id } }))?.name ?? '';
      expect(rows.slice(1, 3)).toEqual([
        [
          '2026-10-05T09:00:00.000Z', people.bob.id, await member(people.bob), 'Initech', 'Initech', 'won', '12000', 'widgets', 'company',
          '', '2026-10-05T09:00:00.000Z', '2026-11-10T15:00:00.000Z', '11500', '', '4', "'-late delivery",
        ],
        [
          '2026-11-02T09:00:00.000Z', people.rita.id, await member(people.rita), 'Acme Corp', 'Acme Corp', 'qualified', '30000.5', '', 'own',
          '2026-11-27', '2026-11-02T09:00:00.000Z', '', '', '', '', '',
        ],
      ]);
      expect(rows[2]?.[2]).toBe('Rita Rep');
    });

    it('covers the dates asked for, and narrows to a team the requester may see', async () => {
      await organiseAndAddLeads();
      expect(names((await exported(people.mia, 'export leads 2026-10-01 2026-10-31')).rows)).toEqual(['Old Deal', 'Initech']);
      expect(names((await exported(people.mia, 'export leads 2026-11-01 2026-11-30 team East')).rows)).toEqual(['Initech', 'Acme Corp', "'=Evil", 'Umbrella', 'Tomorrow Inc']);
      expect(names((await exported(people.mia, 'export leads team West')).rows)).toEqual(['Globex']);
      const hidden = await exported(people.rita, 'export leads team West');
      expect(replyText(hidden.reply)).toContain('Only members and managers of West, and admins, can see it.');
      expect(hidden.upload).toBeUndefined();
    });
  });
});
