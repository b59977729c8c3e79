import { describe, expect, it } from 'vitest';
import { ids } from '../../src/slack/ids.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { buttonValue, people, replyText, teamId, usePacer } from '../support/pacer-harness.js';

/**
 * One SLACK_BOT_TOKEN serves one workspace. Slack signs every request with the app's secret, so a
 * request from another workspace (the app distributed, a Slack Connect channel) verifies too: it is
 * acknowledged and dropped before any listener. Many workspaces are served through OAuth installs
 * (oauth-install.test.ts), each with its own token and data.
 */
describe.skipIf(!testDatabaseAvailable())('one bot token: requests from another workspace', () => {
  const h = usePacer();
  const otherTeam = 'T0OTHER';

  const command = async (team: string, text: string, cmd = '/log') => {
    const responseUrl = h.slack.responseUrl();
    const sent = await h.send.slashCommand({ teamId: team, userId: people.rita.id, command: cmd, text, responseUrl });
    await h.idle();
    return { sent, replies: h.slack.callsTo('response_url').filter((c) => c.url === responseUrl) };
  };

  it('a command is acknowledged and ignored: no reply, nothing stored, no Slack call', async () => {
    const { sent, replies } = await command(otherTeam, 'call 5');
    expect(sent.status).toBe(200);
    expect(replies).toEqual([]);
    expect(h.slack.calls).toEqual([]);
    expect(await h.database.prisma.activity.count()).toBe(0);
    expect(await h.database.prisma.member.count()).toBe(0);
  });

  it('a button, a form and an event from there are ignored too, while the token’s workspace is served', async () => {
    const mine = await command(teamId, 'call 5');
    expect(replyText(mine.replies[0] ?? { args: {} })).toContain('Logged');
    const undo = buttonValue(mine.replies[0] ?? { args: {} }, ids.actions.undoLog);
    h.slack.reset();

    const responseUrl = h.slack.responseUrl();
    const clicked = await h.send.blockAction({ teamId: otherTeam, userId: people.rita.id, actionId: ids.actions.undoLog, value: undo, responseUrl });
    const submitted = await h.send.viewSubmission({
      teamId: otherTeam, userId: people.rita.id, callbackId: ids.views.goalModal, privateMetadata: JSON.stringify({ channelId: 'C0SALES' }),
      values: { [ids.goalModal.target.block]: { [ids.goalModal.target.action]: { type: 'plain_text_input', value: '0' } } },
    });
    const event = await h.send.event({ teamId: otherTeam, event: { type: 'app_home_opened', user: people.rita.id, channel: 'D0RITA', tab: 'home' } });
    await h.idle();
    expect([clicked.status, submitted.status, event.status]).toEqual([200, 200, 200]);
    // A form handled would have answered with its field errors.
    expect(submitted.body).toBe('');
    expect(h.slack.calls).toEqual([]);
    expect(await h.database.prisma.activity.count({ where: { teamId } })).toBe(1);

    const home = await command(teamId, 'list', '/goal');
    expect(replyText(home.replies[0] ?? { args: {} })).toContain('No goals yet');
  });
});
