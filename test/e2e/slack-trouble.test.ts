import { afterEach, describe, expect, it, vi } from 'vitest';
import { testDatabaseAvailable } from '../support/test-database.js';
import { people, replyText, usePacer } from '../support/pacer-harness.js';

describe.skipIf(!testDatabaseAvailable())('when Slack misbehaves', () => {
  const h = usePacer();
  // Bolt's ConsoleLogger writes errors with console.error. A failure a test causes on purpose is
  // checked to be logged (under the reference the person sees) rather than printed, stack and
  // all, into a passing run.
  const logged = () => vi.spyOn(console, 'error').mockImplementation(() => undefined);
  afterEach(() => vi.restoreAllMocks());

  it('a cached profile carries on through a users.info failure', async () => {
    await h.command(people.rita, '/log', 'call 1');
    h.clock.set('2026-11-27T11:00:00Z'); // the profile is now two days old
    h.slack.queueFault('users.info', { status: 500 });
    const reply = await h.command(people.rita, '/log', 'call 2');
    expect(JSON.stringify(reply.args.blocks)).toContain('Logged *2 calls*');
    h.clock.set('2026-11-25T11:00:00Z');
  });

  it('an unexpected failure reaches the person as an apology with a reference, and is logged under it', async () => {
    const errors = logged();
    h.slack.queueFault('users.info', { ok: false, error: 'fatal_error' });
    const reply = await h.command(people.bob, '/log', 'call 2');
    const ref = /something went wrong on our side \(reference `([0-9a-f]{8})`\)/.exec(replyText(reply))?.[1];
    expect(ref, replyText(reply)).toBeDefined();
    expect(errors).toHaveBeenCalledWith(expect.anything(), expect.anything(), `[ref ${ref}]`, expect.objectContaining({ code: 'slack_webapi_platform_error' }));
    expect(await h.database.prisma.activity.count()).toBe(0);
  });

  it('a failed Home update does not undo or hide the log, tells nobody it failed, and is logged', async () => {
    const errors = logged();
    h.slack.queueFault('views.publish', { status: 500 });
    const reply = await h.command(people.rita, '/log', 'call 3');
    expect(JSON.stringify(reply.args.blocks)).toContain('Logged *3 calls*');
    await h.idle();
    expect(await h.database.prisma.activity.count()).toBe(1);
    expect(h.slack.callsTo('response_url').map(replyText).join('\n')).not.toContain('went wrong');
    expect(errors).toHaveBeenCalledWith(expect.anything(), expect.anything(), expect.stringMatching(/^\[ref [0-9a-f]{8}\]$/), expect.objectContaining({ statusCode: 500 }));
  });
});
