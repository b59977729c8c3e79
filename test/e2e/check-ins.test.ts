import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPacerApp } from '../../src/app.js';
import { ids } from '../../src/slack/ids.js';
import { standInIdentity } from '../../src/stand-in/slack-web-api.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { buttonValue, people, replyText, setUpEastAndWest, signingSecret, teamId, usePacer, type Person } from '../support/pacer-harness.js';
import { clickInForm, dmsTo, fine, inManagersChannel, managersChannel, openForm, openFromDm, questionOrder, setUpCheckIn, submit, viewOf, wednesday } from '../support/check-in-steps.js';

describe.skipIf(!testDatabaseAvailable())('check-ins', () => {
  const h = usePacer({ now: wednesday });

  it('the setup form opens with the defaults; questions are added, moved and removed; mistakes show under their field', async () => {
    await setUpEastAndWest(h, [people.rita]);
    expect(replyText(await h.command(people.rita, '/checkin', 'setup'))).toContain('You don’t run a team');
    let view = await openForm(h, people.max, '/checkin', 'setup East');
    expect(questionOrder(view)).toEqual(['wins', 'blockers', 'confidence', 'help', 'commitment']);
    expect(JSON.stringify(view.blocks)).toContain('How confident are you of hitting your goal? (1–5)');

    view = await clickInForm(h, people.max, view, ids.checkIn.actions.addQuestion, 'add');
    expect(questionOrder(view)).toEqual(['wins', 'blockers', 'confidence', 'help', 'commitment', 'q6']);
    view = await clickInForm(h, people.max, view, ids.checkIn.actions.moveUp, 'commitment');
    view = await clickInForm(h, people.max, view, ids.checkIn.actions.removeQuestion, 'blockers');
    expect(questionOrder(view)).toEqual(['wins', 'confidence', 'commitment', 'help', 'q6']);

    const wrong = await submit(h, people.max, view, { label_q6: 'Deals closed?', kind_q6: 'number', at: '25:00' });
    expect(wrong.json).toEqual({ response_action: 'errors', errors: { [ids.checkIn.setup.at.block]: expect.stringContaining('“25:00” is not a time') } });
    const empty = await submit(h, people.max, view, { at: '16:30' });
    expect(empty.json).toEqual({ response_action: 'errors', errors: { [`${ids.checkIn.setup.label.block}q6`]: expect.stringContaining('Write the question') } });
    expect(await h.database.prisma.checkInSetup.count()).toBe(0);

    await submit(h, people.max, view, { label_q6: 'Deals closed?', kind_q6: 'number', weekday: '4', at: '4:30pm', reminder: '4' });
    const saved = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === people.max.id && replyText(c).includes('Saved the check-in'));
    expect(replyText(saved)).toContain('5 questions, Thursdays at 16:30 in each rep’s own time zone, one reminder after 4 hours');
    expect(replyText(saved)).toContain('No managers’ channel is set');
    const setup = await h.database.prisma.checkInSetup.findFirstOrThrow();
    expect(setup).toMatchObject({ weekday: 4, at: '16:30', reminderHours: 4, updatedBy: people.max.id });
    expect(z.array(z.object({ id: z.string(), kind: z.string() })).parse(setup.questions).map((q) => `${q.id}:${q.kind}`)).toEqual(['wins:text', 'confidence:scale', 'commitment:text', 'help:yesno', 'q6:number']);

    // Another team's manager cannot set it up.
    expect(replyText(await h.command(people.wes, '/checkin', 'setup East'))).toContain('Only managers of East and admins');
  });

  it('asks each rep at their own time once, takes the answer after one mistake, posts it flagged in the managers’ thread, and a coaching note reaches the rep only', async () => {
    await setUpCheckIn(h);
    await h.command(people.rita, '/goal', 'calls 40 weekly');
    const dry = await h.scheduler.runsBetween(new Date('2026-12-04T00:00:00Z'), new Date('2026-12-05T00:00:00Z'), 'checkins');
    expect(dry.map((r) => [r.subject, `${r.localDate} ${r.localTime}`, r.at.toISOString()])).toEqual([
      ['East/C0MGRS', '2026-12-04 15:00', '2026-12-04T14:00:00.000Z'],
      ['East/U0RITA', '2026-12-04 15:00', '2026-12-04T14:00:00.000Z'],
      ['East/U0BOB', '2026-12-04 15:00', '2026-12-04T20:00:00.000Z'],
    ]);

    h.clock.set('2026-12-04T14:00:00Z'); // Friday 15:00 in Warsaw, 09:00 in New York
    await h.scheduler.tick();
    await h.scheduler.tick();
    const [ask, ...moreAsks] = dmsTo(h, people.rita);
    expect(moreAsks).toHaveLength(0);
    expect(replyText(ask!)).toContain('Weekly check-in · team East');
    expect(replyText(ask!)).toContain('Your numbers this week:\\n• *Calls this week:* 0 / 40');
    expect(dmsTo(h, people.bob)).toHaveLength(0);
    const [summary, ...moreSummaries] = inManagersChannel(h);
    expect(moreSummaries).toHaveLength(0);
    expect(replyText(summary!)).toContain('*0 / 2* answered');

    const form = await openFromDm(h, people.rita, ask!);
    const wrong = await submit(h, people.rita, form, { ...fine, a_confidence: '2', a_help: 'yes' });
    expect(wrong.json).toEqual({ response_action: 'errors', errors: { [`${ids.checkIn.answer.detail.block}help`]: expect.stringContaining('say what') } });
    expect(await h.database.prisma.checkInAnswer.count()).toBe(0);

    await submit(h, people.rita, form, { ...fine, a_confidence: '2', a_help: 'yes', detail_help: 'pricing for Acme' });
    expect(replyText(dmsTo(h, people.rita).at(-1)!)).toContain('your check-in for team *East* is in');
    const reply = inManagersChannel(h).find((c) => c.args.thread_ts === summary!.response?.ts);
    expect(replyText(reply!)).toContain(':warning: low confidence · :sos: help asked');
    expect(replyText(reply!)).toContain('pricing for Acme');
    expect(h.slack.callsTo('chat.update').at(-1)?.args).toMatchObject({ channel: managersChannel, ts: summary!.response?.ts });
    expect(replyText(h.slack.callsTo('chat.update').at(-1)!)).toContain('*1 / 2* answered');

    const noteTrigger = 'trigger-note';
    await h.send.blockAction({ teamId, userId: people.wes.id, actionId: ids.checkIn.actions.coachingNote, value: buttonValue(reply!, ids.checkIn.actions.coachingNote), triggerId: 'trigger-wes', responseUrl: h.slack.responseUrl() });
    await h.idle();
    expect(h.slack.callsTo('views.open').filter((c) => c.args.trigger_id === 'trigger-wes')).toHaveLength(0);
    await h.send.blockAction({ teamId, userId: people.max.id, actionId: ids.checkIn.actions.coachingNote, value: buttonValue(reply!, ids.checkIn.actions.coachingNote), triggerId: noteTrigger, responseUrl: h.slack.responseUrl() });
    const noteForm = viewOf(await h.slack.waitForCall('views.open', (c) => c.args.trigger_id === noteTrigger));
    await h.idle();
    const secret = 'Lead with the ROI case for Acme';
    await submit(h, people.max, noteForm, { note: secret });
    const withNote = h.slack.callsTo('chat.postMessage').filter((c) => replyText(c).includes(secret));
    expect(withNote.map((c) => c.args.channel)).toEqual([people.rita.id]);
    expect(replyText(dmsTo(h, people.max).at(-1)!)).toContain('Your note reached <@U0RITA>');
    expect(await h.database.prisma.coachingNote.findMany()).toMatchObject([{ repId: people.rita.id, managerId: people.max.id, note: secret }]);

    // The export: the note goes to the team's managers and admins only.
    const exported = async (person: Person) => {
      await h.command(person, '/pacer', 'export checkins');
      return parse(h.slack.uploads.at(-1)?.bytes.toString('utf8') ?? '') as string[][];
    };
    const [header, ...ritaRows] = await exported(people.rita);
    const cell = (row: string[] | undefined, column: string) => row?.[header!.indexOf(column)];
    expect(ritaRows.map((r) => cell(r, 'slack_user_id'))).toEqual([people.rita.id]);
    expect(cell(ritaRows[0], 'answers')).toContain('How confident are you of hitting your goal? (1–5): 2');
    expect(cell(ritaRows[0], 'flagged')).toBe('yes');
    expect(cell(ritaRows[0], 'coaching_notes')).toBe('');
    expect(cell((await exported(people.max))[1], 'coaching_notes')).toBe(`${people.max.id}: ${secret}`);
    expect(cell((await exported(people.mia))[1], 'coaching_notes')).toBe(`${people.max.id}: ${secret}`);
    expect(await exported(people.wes)).toHaveLength(1);

    h.clock.set('2026-12-04T20:00:00Z'); // 15:00 in New York
    await h.scheduler.tick();
    expect(dmsTo(h, people.bob)).toHaveLength(1);
    expect(inManagersChannel(h).filter((c) => c.args.thread_ts === undefined)).toHaveLength(1);
  });

  it('one reminder, on a working day in the rep’s daytime, to those who have not answered; the close updates the summary; a late answer is marked late', async () => {
    await setUpCheckIn(h);
    h.clock.set('2026-12-04T20:00:00Z');
    await h.scheduler.tick();
    const form = await openFromDm(h, people.rita, dmsTo(h, people.rita)[0]!);
    await submit(h, people.rita, form, fine);
    const reminders = (person: Person) => dmsTo(h, person).filter((c) => replyText(c).includes('Reminder: your check-in'));

    for (const at of ['2026-12-05T20:00:00Z', '2026-12-07T13:59:00Z']) {
      h.clock.set(at); // Saturday; Monday 08:59 in New York
      await h.scheduler.tick();
    }
    expect(reminders(people.bob)).toHaveLength(0);
    for (const at of ['2026-12-07T14:00:00Z', '2026-12-07T14:01:00Z', '2026-12-07T20:00:00Z']) {
      h.clock.set(at);
      await h.scheduler.tick();
    }
    expect(reminders(people.bob)).toHaveLength(1);
    expect(reminders(people.rita)).toHaveLength(0);

    const statusReply = await h.command(people.max, '/checkin', 'status');
    expect(replyText(statusReply)).toContain('*1 / 2* answered');
    expect(replyText(statusReply)).toContain('Not answered: <@U0BOB>');
    const nudged = await h.click(people.max, ids.checkIn.actions.nudgeMissing, buttonValue(statusReply, ids.checkIn.actions.nudgeMissing));
    expect(replyText(nudged)).toContain('Reminded 1 rep.');
    expect(reminders(people.bob)).toHaveLength(2);
    expect(reminders(people.rita)).toHaveLength(0);
    expect(replyText(await h.click(people.rita, ids.checkIn.actions.nudgeMissing, buttonValue(statusReply, ids.checkIn.actions.nudgeMissing)))).toContain('Only managers of East');

    h.clock.set('2026-12-08T23:00:00Z'); // Tuesday 18:00 in New York: closed
    await h.scheduler.tick();
    await h.scheduler.tick();
    const closed = h.slack.callsTo('chat.update').filter((c) => replyText(c).includes('closed'));
    expect(closed).toHaveLength(1);
    expect(replyText(closed[0]!)).toContain('Missing: <@U0BOB>');
    expect(await h.database.prisma.jobRun.count({ where: { key: { startsWith: 'checkin-close:' } } })).toBe(1);

    h.clock.set('2026-12-09T15:00:00Z');
    const late = await openForm(h, people.bob, '/checkin', '');
    await submit(h, people.bob, late, fine);
    expect(replyText(dmsTo(h, people.bob).at(-1)!)).toContain('marked late');
    expect(await h.database.prisma.checkInAnswer.findFirst({ where: { userId: people.bob.id } })).toMatchObject({ late: true });

    h.clock.set('2026-12-11T14:00:00Z'); // the next check-in shows Rita what she committed to
    await h.scheduler.tick();
    expect(replyText(dmsTo(h, people.rita).at(-1)!)).toContain('Last week you committed to: _Call 40 leads_');
  });

  it('a rep away is not asked, a rep may skip with a reason, and a team all away gets no check-in', async () => {
    await setUpCheckIn(h);
    await h.command(people.bob, '/pacer', 'away until 2026-12-04');
    expect(replyText(await h.command(people.rita, '/checkin', 'skip'))).toContain('Say why you skip');
    h.clock.set('2026-12-03T18:00:00Z'); // Thursday 19:00 in Warsaw: the evening before
    expect(replyText(await h.command(people.rita, '/checkin', 'skip on holiday'))).toContain('Skipped this week’s check-in for team *East*: on holiday');
    h.clock.set('2026-12-04T20:00:00Z');
    await h.scheduler.tick();
    expect(dmsTo(h, people.rita)).toHaveLength(0);
    expect(dmsTo(h, people.bob)).toHaveLength(0);
    const summary = inManagersChannel(h).find((c) => c.args.thread_ts === undefined);
    expect(replyText(summary!)).toContain('Away: <@U0BOB>');
    expect(replyText(summary!)).toContain('Skipped: <@U0RITA> (on holiday)');

    await h.command(people.rita, '/pacer', 'away until 2026-12-11');
    await h.command(people.bob, '/pacer', 'away until 2026-12-11');
    h.clock.set('2026-12-11T20:00:00Z');
    await h.scheduler.tick();
    expect(inManagersChannel(h).filter((c) => c.args.thread_ts === undefined)).toHaveLength(1);
    expect(await h.database.prisma.checkInRound.count()).toBe(1);
  });

  it('a check-in left open while Pacer was down is closed once when it is back, with its summary', async () => {
    await setUpCheckIn(h);
    h.clock.set('2026-12-04T20:00:00Z');
    await h.scheduler.tick();
    h.clock.set('2026-12-10T12:00:00Z'); // down from Friday to Thursday
    await h.scheduler.tick();
    await h.scheduler.tick();
    const closed = h.slack.callsTo('chat.update').filter((c) => replyText(c).includes('closed'));
    expect(closed).toHaveLength(1);
    expect(replyText(closed[0]!)).toContain('*0 / 2* answered');
    expect(replyText(closed[0]!)).toContain('Missing: <@U0RITA>, <@U0BOB>');
    // No reminder after the close, however often the job runs.
    expect(h.slack.callsTo('chat.postMessage').filter((c) => replyText(c).includes('Reminder: your check-in'))).toHaveLength(0);
  });

  it('answers a mistyped command with the right form, and a rep with no check-in kindly', async () => {
    await setUpEastAndWest(h, [people.rita]);
    expect(replyText(await h.command(people.rita, '/checkin', 'later'))).toContain('I don’t know “later” in /checkin. Form: `/checkin`, `/checkin skip &lt;reason&gt;`');
    expect(replyText(await h.command(people.rita, '/checkin', ''))).toContain('None of your teams has a check-in yet');
    expect(replyText(await h.command(people.max, '/checkin', 'status'))).toContain('Team East has no check-in yet: `/checkin setup East`');
    expect(replyText(await h.command(people.max, '/checkin', ''))).toContain('The check-in form is for reps');
    expect(replyText(await h.command(people.max, '/checkin', 'status Nowhere'))).toContain('There is no team called “Nowhere”');
    expect(replyText(await h.command(people.rita, '/checkin', 'help'))).toContain('*Weekly check-ins*');
  });

  it('two instances ticking at once ask each rep once', async () => {
    await setUpCheckIn(h);
    const second = createPacerApp({
      slack: { botToken: 'xoxb-e2e', signingSecret, apiUrl: h.slack.url, botId: standInIdentity.botId, botUserId: standInIdentity.botUserId, teamId, logLevel: 'error', retryConfig: { retries: 0 } },
      prisma: h.database.prisma,
      clock: h.clock,
    });
    h.clock.set('2026-12-04T20:00:00Z');
    await Promise.all([h.scheduler.tick(), second.scheduler.tick(), h.scheduler.tick(), second.scheduler.tick()]);
    expect(dmsTo(h, people.rita)).toHaveLength(1);
    expect(dmsTo(h, people.bob)).toHaveLength(1);
    expect(inManagersChannel(h)).toHaveLength(1);
  });
});
