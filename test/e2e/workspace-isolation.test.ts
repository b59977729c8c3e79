import { describe, expect, it } from 'vitest';
import { ids } from '../../src/slack/ids.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { people, teamId, usePacer } from '../support/pacer-harness.js';

describe.skipIf(!testDatabaseAvailable())('two workspaces with the same user ids', () => {
  const h = usePacer({ resetEach: false });
  const otherTeam = 'T0OTHER';

  const command = async (team: string, text: string, cmd = '/log') => {
    const responseUrl = h.slack.responseUrl();
    await h.send.slashCommand({ teamId: team, userId: people.rita.id, command: cmd, text, responseUrl });
    return h.slack.waitForCall('response_url', (c) => c.url === responseUrl, 5000);
  };

  it('never sees each other’s goals, activity or logs', async () => {
    await command(teamId, 'calls 40 weekly', '/goal');
    const mine = await command(teamId, 'call 5');
    const theirs = await command(otherTeam, 'call 2');
    expect(JSON.stringify(theirs.args.blocks)).toContain('No goal tracks this yet');
    expect(JSON.stringify((await command(otherTeam, 'list', '/goal')).args.blocks)).toContain('No goals yet');

    const blocks = mine.args.blocks as { elements?: { action_id: string; value: string }[] }[];
    const undo = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === ids.actions.undoLog);
    const responseUrl = h.slack.responseUrl();
    await h.send.blockAction({ teamId: otherTeam, userId: people.rita.id, actionId: ids.actions.undoLog, value: undo?.value, responseUrl });
    const refused = await h.slack.waitForCall('response_url', (c) => c.url === responseUrl);
    expect(JSON.stringify(refused.args.blocks)).toContain('already undone');
    expect(await h.database.prisma.activity.count({ where: { teamId } })).toBe(1);
    expect(await h.database.prisma.activity.count({ where: { teamId: otherTeam } })).toBe(1);
  });
});
