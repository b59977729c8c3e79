import type { AllMiddlewareArgs, App, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ErrorCode } from '@slack/web-api';
import { z } from 'zod';
import { buildCheckInModal, buildCoachingNoteModal } from '../../../../blocks/check-in-form.js';
import { buildCheckInAsk, buildCheckInNote } from '../../../../blocks/check-in-messages.js';
import { buildCheckInSetupModal, type SetupQuestion } from '../../../../blocks/check-in-setup.js';
import { addQuestion, moveQuestion, removeQuestion } from '../../../domain/check-ins.js';
import { PacerError } from '../../../errors.js';
import { readSetupForm } from '../../check-in-form.js';
import { decodeRep, decodeRound, decodeSetupOrigin, readQuestionId } from '../../check-in-values.js';
import type { PacerDeps } from '../../deps.js';
import { ids } from '../../ids.js';
import { teamIdOf } from '../../payloads.js';
import { answerAs, direct, ephemeral } from '../../replies.js';
import { messageButton } from './message-button.js';

/** "Start check-in" in the rep's DM: opens this week's form (a newer check-in than the DM's, once it opened). */
function startCheckIn(deps: PacerDeps) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await answerAs(deps, { client, teamId: teamIdOf(body), userId: body.user.id }, direct(client, body.user.id), async (actor, tr) => {
      const ref = decodeRound(action.value);
      if (!ref) throw new PacerError('stale_button');
      const form = await deps.checkInBook.formFor(actor, ref.salesTeamId);
      const view = buildCheckInModal(tr, { teamName: form.team.name, salesTeamId: form.team.id, week: form.week, questions: form.questions, lastCommitment: form.lastCommitment, answers: form.answer?.answers ?? null });
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  };
}

/** "Reply with coaching note" under a rep's answer: a manager of the team opens the note form. */
function openCoachingNote(deps: PacerDeps) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await answerAs(deps, { client, teamId: teamIdOf(body), userId: body.user.id }, ephemeral(respond), async (actor, tr) => {
      const ref = decodeRep(action.value);
      if (!ref) throw new PacerError('stale_button');
      await deps.checkInBook.answerToCoach(actor, { teamId: actor.teamId, salesTeamId: ref.salesTeamId, week: ref.week }, ref.repId);
      await client.views.open({ trigger_id: body.trigger_id, view: buildCoachingNoteModal(tr, ref) });
    });
  };
}

/** "Nudge the missing" in `/checkin status`: one reminder DM now to each rep who has not answered. */
function nudgeMissing(deps: PacerDeps) {
  return messageButton(deps, decodeRound, async ({ actor, tr, value: ref, client, respond }) => {
    const { team, missing } = await deps.checkInBook.missing(actor, ref.salesTeamId, ref.week);
    for (const repId of missing) {
      const rep = await deps.profiles.get(client, actor.teamId, repId);
      const message = buildCheckInAsk(await deps.speakers.reader(rep), { ...ref, teamName: team.name, standings: [], lastCommitment: null, reminder: true });
      await client.chat.postMessage({ channel: repId, ...message });
    }
    const text = missing.length > 0 ? tr.t('checkin.status.nudged', { count: missing.length }) : tr.t('checkin.status.nudgedNone');
    await respond({ response_type: 'ephemeral', replace_original: false, ...buildCheckInNote(text) });
  });
}

/** views.update refuses a stale hash when a later click already redrew the form; that redraw stands. */
function isHashConflict(error: unknown): boolean {
  return z.object({ code: z.literal(ErrorCode.PlatformError), data: z.object({ error: z.literal('hash_conflict') }) }).safeParse(error).success;
}

type SetupEdit = (questions: SetupQuestion[], id: string) => SetupQuestion[];

/** The setup form's Add, Up, Down and Remove: redraws the form from what is typed in it, changed as asked. */
function editSetup(deps: PacerDeps, edit: SetupEdit) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    await answerAs(deps, { client, teamId: teamIdOf(body), userId: body.user.id }, direct(client, body.user.id), async (_actor, tr) => {
      const origin = decodeSetupOrigin(body.view?.private_metadata);
      const id = readQuestionId(action.value) ?? '';
      if (!body.view || !origin) throw new PacerError('stale_button');
      const typed = readSetupForm(body.view.state.values, origin);
      const view = buildCheckInSetupModal(tr, { salesTeamId: origin.salesTeamId, teamName: origin.teamName, questions: edit(typed.questions, id), schedule: typed.schedule });
      await client.views.update({ view_id: body.view.id, hash: body.view.hash, view }).catch((error: unknown) => {
        if (!isHashConflict(error)) throw error;
      });
    });
  };
}

export function registerCheckInActions(app: App, deps: PacerDeps): void {
  const a = ids.checkIn.actions;
  app.action<BlockButtonAction>(a.start, startCheckIn(deps));
  app.action<BlockButtonAction>(a.coachingNote, openCoachingNote(deps));
  app.action<BlockButtonAction>(a.nudgeMissing, nudgeMissing(deps));
  app.action<BlockButtonAction>(a.addQuestion, editSetup(deps, (questions) => addQuestion(questions, (id) => ({ id, kind: 'text', label: '', role: null }))));
  app.action<BlockButtonAction>(a.removeQuestion, editSetup(deps, removeQuestion));
  app.action<BlockButtonAction>(a.moveUp, editSetup(deps, (questions, id) => moveQuestion(questions, id, 'up')));
  app.action<BlockButtonAction>(a.moveDown, editSetup(deps, (questions, id) => moveQuestion(questions, id, 'down')));
}
