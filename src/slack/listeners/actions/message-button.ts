import type { AllMiddlewareArgs, BlockButtonAction, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Member } from '../../../domain/members.js';
import { PacerError } from '../../../errors.js';
import type { Translator } from '../../../i18n/index.js';
import type { PacerDeps } from '../../deps.js';
import { teamIdOf } from '../../payloads.js';
import { answerAs, ephemeral } from '../../replies.js';

/** What a button's work gets: who clicked, in which language, the button's checked value. */
export interface ButtonContext<Value> {
  actor: Member;
  tr: Translator;
  value: Value;
  client: WebClient;
  respond: RespondFn;
}

/**
 * Every button on a Pacer message: ack at once, then read its value (untrusted: a value
 * that does not read is a stale or forged button, refused without touching anything).
 */
export function messageButton<Value>(
  deps: PacerDeps,
  read: (raw: string | undefined) => Value | null,
  work: (context: ButtonContext<Value>) => Promise<void>,
) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await answerAs(deps, { client, teamId: teamIdOf(body), userId: body.user.id }, ephemeral(respond), async (actor, tr) => {
      const value = read(action.value);
      if (value === null) throw new PacerError('stale_button');
      await work({ actor, tr, value, client, respond });
    });
  };
}
