import { describe, expect, it } from 'vitest';
import { testDatabaseAvailable } from '../support/test-database.js';
import { people, usePacer } from '../support/pacer-harness.js';

describe.skipIf(!testDatabaseAvailable())('when Slack misbehaves', () => {
  const h = usePacer();

  it('a cached profile carries on through a users.info failure', async () => {
    await h.command(people.rita, '/log', 'call 1');
    h.clock.set('2026-11-27T11:00:00Z'); // the profile is now two days old
    h.slack.queueFault('users.info', { status: 500 });
    const reply = await h.command(people.rita, '/log', 'call 2');
    expect(JSON.stringify(reply.args.blocks)).toContain('Logged *2 calls*');
    h.clock.set('2026-11-25T11:00:00Z');
  });

  it('an unexpected failure reaches the person as an apology with a reference', async () => {
    h.slack.queueFault('users.info', { ok: false, error: 'fatal_error' });
    const reply = await h.command(people.bob, '/log', 'call 2');
    expect(JSON.stringify(reply.args.blocks)).toMatch(/something went wrong on our side \(reference `[0-9a-f]{8}`\)/);
    expect(await h.database.prisma.activity.count()).toBe(0);
  });

  it('a failed Home update does not undo or hide the log', async () => {
    h.slack.queueFault('views.publish', { status: 500 });
    const reply = await h.command(people.rita, '/log', 'call 3');
    expect(JSON.stringify(reply.args.blocks)).toContain('Logged *3 calls*');
    expect(await h.database.prisma.activity.count()).toBe(1);
  });
});
