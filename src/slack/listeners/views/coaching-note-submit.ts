import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { buildCheckInNote } from '../../../../blocks/check-in-messages.js';
import { maxCoachingNote } from '../../../domain/check-ins.js';
import { PacerError } from '../../../errors.js';
import { decodeRep } from '../../check-in-values.js';
import type { PacerDeps } from '../../deps.js';
import { ids } from '../../ids.js';
import { answerAs, direct } from '../../replies.js';
import { translatedFieldErrors } from './form-errors.js';

const noteSchema = z.string().trim().min(1).max(maxCoachingNote);

/** A manager's coaching note: stored with the check-in and DMed to the rep; no one else sees it. */
export function coachingNoteSubmit(deps: PacerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const ref = decodeRep(view.private_metadata);
    const f = ids.checkIn.note;
    const note = noteSchema.safeParse(view.state.values[f.block]?.[f.action]?.value ?? '');
    if (!note.success) {
      await ack({ response_action: 'errors', errors: await translatedFieldErrors(deps, view.team_id, body.user.id, { [f.block]: new PacerError('checkin_note_empty') }) });
      return;
    }
    await ack();
    await answerAs(deps, { client, teamId: view.team_id, userId: body.user.id }, direct(client, body.user.id), async (manager, tr) => {
      if (!ref) throw new PacerError('stale_button');
      const { team } = await deps.checkInBook.addCoachingNote(manager, { teamId: manager.teamId, salesTeamId: ref.salesTeamId, week: ref.week }, ref.repId, note.data);
      const rep = await deps.profiles.get(client, manager.teamId, ref.repId);
      const repTr = await deps.speakers.reader(rep);
      await direct(client, rep.userId)(buildCheckInNote(repTr.t('checkin.note.toRep', { manager: manager.userId, date: repTr.date(ref.week), team: team.name, note: note.data })));
      await direct(client, manager.userId)(buildCheckInNote(tr.t('checkin.note.sent', { rep: rep.userId })));
    });
  };
}
