import { describe, expect, it } from 'vitest';
import { boltLogger, createLogger, wantsPrettyLogs } from '../../../src/observability/logger.js';
import { describeRequest, withRequest } from '../../../src/observability/request-context.js';

function capture(secrets: string[] = []) {
  const written: string[] = [];
  const logger = createLogger({ level: 'debug', secrets, destination: { write: (line: string) => void written.push(line) } });
  return { logger, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>), raw: () => written.join('') };
}

describe('logs', () => {
  it.each([
    ['production', true, false],
    [undefined, true, true],
    ['development', true, true],
    [undefined, false, false],
  ])('NODE_ENV=%s on a terminal: %s → readable lines: %s', (nodeEnv, isTTY, pretty) => {
    expect(wantsPrettyLogs(nodeEnv, { isTTY })).toBe(pretty);
  });

  it('writes JSON lines with the level by name, and an Error as err', () => {
    const { logger, lines } = capture();
    boltLogger(logger).error('[ref 0a1b2c3d]', Object.assign(new Error('boom'), { code: 'slack_webapi_platform_error' }));
    expect(lines()).toEqual([expect.objectContaining({ level: 'error', msg: '[ref 0a1b2c3d]', err: expect.objectContaining({ message: 'boom', code: 'slack_webapi_platform_error' }) })]);
  });

  it('never prints a Slack token or a configured secret, in messages, objects or errors', () => {
    const { logger, raw } = capture(['signing-secret-123']);
    const bolt = boltLogger(logger);
    bolt.debug('http request headers:', { Authorization: 'Bearer xoxb-1-2-abc' }, 'xapp-1-A0-xyz');
    bolt.warn({ token: 'anything' }, 'secret is signing-secret-123');
    bolt.error(new Error('failed with xoxp-9-8-7'));
    expect(raw()).not.toMatch(/xox[bp]-|xapp-|signing-secret-123|anything/);
    expect(raw()).toContain('[redacted]');
  });

  it('lines written while handling a request carry its workspace, user and command', async () => {
    const { logger, lines } = capture();
    const request = describeRequest({ command: '/log', team_id: 'T1', user_id: 'U1', text: 'call 1' });
    await withRequest(request, async () => {
      await Promise.resolve();
      logger.info('inside');
    });
    logger.info('outside');
    expect(lines()).toEqual([
      expect.objectContaining({ msg: 'inside', team_id: 'T1', user_id: 'U1', command: '/log' }),
      expect.not.objectContaining({ team_id: expect.anything() }),
    ]);
  });

  it.each([
    [{ type: 'block_actions', team: { id: 'T1' }, user: { id: 'U1', team_id: 'T1' }, actions: [{ action_id: 'log.undo' }] }, { type: 'block_actions', name: 'log.undo' }, 'block_actions:log.undo'],
    [{ type: 'view_submission', team: { id: 'T1' }, user: { id: 'U1' }, view: { callback_id: 'log_modal' } }, { type: 'view_submission', name: 'log_modal' }, 'view_submission:log_modal'],
    [{ type: 'event_callback', team_id: 'T1', event: { type: 'app_home_opened', user: 'U1' } }, { type: 'event', name: 'app_home_opened' }, 'event:app_home_opened'],
  ])('names a request from its body', (body, labels, command) => {
    expect(describeRequest(body)).toEqual({ labels, fields: { team_id: 'T1', user_id: 'U1', command } });
  });
});
