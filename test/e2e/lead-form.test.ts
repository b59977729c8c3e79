import { describe, expect, it } from 'vitest';
import { buildLeadModal } from '../../blocks/lead-modal.js';
import { translator } from '../../src/i18n/index.js';
import { ids } from '../../src/slack/ids.js';
import { submittedState } from '../../src/stand-in/view-state.js';
import { testDatabaseAvailable } from '../support/test-database.js';
import { people, replyText, teamId, usePacer } from '../support/pacer-harness.js';

describe.skipIf(!testDatabaseAvailable())('the lead form', () => {
  // Wednesday 25 Nov 2026, 12:00 in Warsaw (Rita).
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });
  const leads = () => h.database.prisma.lead.findMany({ where: { teamId }, orderBy: { createdAt: 'asc' } });
  const form = buildLeadModal(translator('en-US'), { channelId: 'C0SALES' });

  /** Submits the form as Slack does when Save is pressed: fields not typed keep what the form showed. */
  const submit = (typed: Record<string, string | null>) =>
    h.send.viewSubmission({ teamId, userId: people.rita.id, callbackId: ids.views.leadModal, privateMetadata: form.private_metadata, blocks: form.blocks, values: submittedState(form, typed) });

  it('the Home tab’s “Add a lead” opens it', async () => {
    await h.send.blockAction({ teamId, userId: people.rita.id, actionId: ids.actions.openLeadModal, value: 'open', triggerId: 'trigger-home', view: { type: 'home', callback_id: '' } });
    const opened = await h.slack.waitForCall('views.open');
    expect(opened.args.trigger_id).toBe('trigger-home');
    expect(opened.args.view).toMatchObject({ callback_id: ids.views.leadModal, private_metadata: JSON.stringify({ channelId: null }) });
  });

  it('saves the lead and tells the rep where they opened it', async () => {
    const answer = await submit({ name: 'Acme Corp', value: '12000', product: '#Widgets', follow_up: '2026-11-27', account: 'Acme Holdings', source: 'company' });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
    const told = await h.slack.waitForCall('chat.postEphemeral');
    expect(told.args).toMatchObject({ channel: 'C0SALES', user: people.rita.id });
    expect(replyText(told)).toContain('Saved your lead *Acme Corp*.');
    expect(replyText(told)).toContain('worth 12,000 · #widgets · account Acme Holdings · follow up Friday, Nov 27 · from the company');
    await h.idle();
    expect(h.slack.callsTo('views.publish').at(-1)?.args.user_id).toBe(people.rita.id);
    const [saved] = await leads();
    expect(saved).toMatchObject({ ownerId: people.rita.id, name: 'Acme Corp', account: 'Acme Holdings', productLine: 'widgets', source: 'company', stage: 'new' });
    expect(saved?.value?.toNumber()).toBe(12_000);
    expect(saved?.nextFollowUpOn?.toISOString().slice(0, 10)).toBe('2026-11-27');
  });

  it.each([
    [{ name: null }, ids.leadModal.name.block, 'A lead’s name takes 1 to 200 characters'],
    [{ name: 'Acme', value: '0' }, ids.leadModal.value.block, '“0” is not a value I can take'],
    [{ name: 'Acme', product: 'two words' }, ids.leadModal.product.block, 'A product line is one word'],
    [{ name: 'Acme', follow_up: '2026-11-20' }, ids.leadModal.followUp.block, '2026-11-20 has passed'],
    [{ name: 'Acme', source: 'partner' }, ids.leadModal.source.block, 'Choose where the lead came from'],
  ])('shows the mistake in %j under its field and writes nothing', async (typed, block, message) => {
    const answer = await submit(typed);
    expect(answer.json).toEqual({ response_action: 'errors', errors: { [block]: expect.stringContaining(message) } });
    await h.idle();
    expect(await leads()).toEqual([]);
    expect(h.slack.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('shows a name the rep already has open under the name field', async () => {
    await h.command(people.rita, '/lead', 'add Acme Corp 5000');
    const answer = await submit({ name: 'ACME corp' });
    expect(answer.json).toEqual({ response_action: 'errors', errors: { [ids.leadModal.name.block]: expect.stringContaining('There is already an open lead called Acme Corp') } });
    expect(await leads()).toHaveLength(1);
  });
});
