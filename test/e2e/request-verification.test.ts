import { describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../src/stand-in/signed-requests.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { people, signingSecret, teamId, usePacer } from '../support/pacer-harness.js';

describe.skipIf(!testDatabaseAvailable())('every request into /slack/events is verified', () => {
  const h = usePacer({ resetEach: false });

  const body = () =>
    new URLSearchParams({ team_id: teamId, user_id: people.rita.id, command: '/log', text: 'call 5', response_url: h.slack.responseUrl(), trigger_id: 't' }).toString();
  const form = 'application/x-www-form-urlencoded';
  const now = () => Math.floor(Date.now() / 1000);

  it('a correctly signed command is acknowledged', async () => {
    const raw = body();
    const sent = await h.send.post(raw, form, { ...signSlackRequest(signingSecret, raw, now()) });
    expect(sent.status).toBe(200);
    await h.slack.waitForCall('response_url');
  });

  it.each([
    ['forged (wrong secret)', (raw: string) => signSlackRequest('not-the-secret', raw, now())],
    ['stale (six minutes old)', (raw: string) => signSlackRequest(signingSecret, raw, now() - 360)],
    ['unsigned', () => ({ 'x-slack-signature': undefined, 'x-slack-request-timestamp': undefined })],
    ['tampered after signing', (raw: string) => signSlackRequest(signingSecret, raw.replace('call', 'deal'), now())],
  ])('a %s request gets 401 and changes nothing', async (_label, headers) => {
    const raw = body();
    const sent = await h.send.post(raw, form, { ...headers(raw) });
    expect(sent.status).toBe(401);
    expect(await h.database.prisma.activity.count()).toBe(1);
  });

  it('GET /health answers ok without a signature, for load balancers', async () => {
    const answer = await fetch(h.appUrl.replace('/slack/events', '/health'));
    expect([answer.status, await answer.text()]).toEqual([200, 'ok']);
  });
});
