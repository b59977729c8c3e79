import type { AllMiddlewareArgs, SlashCommand, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { HelpTopic } from '../../../../blocks/notice.js';
import type { SlackMessage } from '../../../../blocks/text.js';
import type { Member } from '../../../domain/members.js';
import type { Translator } from '../../../i18n/index.js';
import type { PacerDeps } from '../../deps.js';
import { answerAs, ephemeral, topicHelp } from '../../replies.js';

/** What a slash command's work gets: who asked, in which language, and how to answer. */
export interface CommandContext {
  actor: Member;
  tr: Translator;
  command: SlashCommand;
  client: WebClient;
  /** An ephemeral answer to the person who typed the command. */
  reply(message: SlackMessage): Promise<unknown>;
}

/** Every slash command: ack at once, then do the work for the person, mistakes answered with the topic's help. */
export function slashCommand(deps: PacerDeps, topic: HelpTopic, work: (context: CommandContext) => Promise<void>) {
  return async ({ ack, command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    await answerAs(
      deps,
      { client, teamId: command.team_id, userId: command.user_id },
      ephemeral(respond),
      (actor, tr) =>
        work({ actor, tr, command, client, reply: (message) => respond({ response_type: 'ephemeral', ...message }) }),
      topicHelp(deps, command.team_id, topic, command.text),
    );
  };
}
