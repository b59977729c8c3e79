import type { InputBlock, ModalView } from '@slack/types';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildLeadImportModal } from '../../blocks/lead-import.js';
import { maxImportBytes } from '../../src/domain/lead-import.js';
import { translator } from '../../src/i18n/index.js';
import { ids } from '../../src/slack/ids.js';
import type { StandInCall } from '../../src/stand-in/slack-web-api.js';
import { blockKitViolations } from '../support/block-kit-limits.js';
import { mention, people, replyText, setUpEastAndWest, teamId, usePacer, type Person } from '../support/pacer-harness.js';
import { testDatabaseAvailable } from '../support/test-database.js';

/** The file field as the real form has it, so a submission carries the block and action ids Slack would send back. */
const fileField = (() => {
  const input = buildLeadImportModal(translator('en-US')).blocks.find((b): b is InputBlock => b.type === 'input');
  if (input?.element.type !== 'file_input' || !input.block_id || !input.element.action_id) throw new Error('the import form has no file_input');
  return { block: input.block_id, action: input.element.action_id, element: input.element };
})();

const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

/** As Google Sheets downloads a sheet: CRLF, quoted cells with commas, currency, an extra column. */
const sheet = crlf(
  'Deal Name,Company,Amount,Stage,Next Follow Up,Owner,Notes,Created',
  '"Acme, roof repair","Acme, Inc.","$12,000.50",Qualified,2026-12-01,Rita Rep,Call after lunch,2026-11-01',
  'Birch Dental,,8000,new,,,,2026-11-02',
  'Cedar Homes,Cedar Group,12k,Proposal,3 Dec 2026,,,2026-11-03',
  'Delta Foods,,abc,new,,,,2026-11-04',
);

const viewText = (view: unknown) => JSON.stringify(view);

describe.skipIf(!testDatabaseAvailable())('/lead import', () => {
  const h = usePacer({ now: '2026-11-25T11:00:00Z' });
  let views = 0;

  beforeEach(() => h.clock.set('2026-11-25T11:00:00Z'));

  const leadRows = () => h.database.prisma.lead.findMany({ where: { teamId }, orderBy: { name: 'asc' } });
  const pendingImports = () => h.database.prisma.leadImport.count();

  /** Submits the import form with a file, as Slack sends it once the person has chosen one. */
  async function submitFile(person: Person, name: string, content: string | Buffer, metadata: { size?: number; url?: string } = {}) {
    const added = h.slack.addFile({ name, bytes: Buffer.from(content) });
    const file = {
      ...added,
      ...(metadata.size !== undefined ? { size: metadata.size } : {}),
      ...(metadata.url !== undefined ? { url_private: metadata.url, url_private_download: metadata.url } : {}),
    };
    const viewId = `V0IMPORT${++views}`;
    const sent = await h.send.viewSubmission({
      teamId, userId: person.id, callbackId: ids.views.leadImport, viewId,
      values: { [fileField.block]: { [fileField.action]: { type: 'file_input', files: [file] } } },
    });
    return { sent, viewId };
  }

  /** Submits a file and returns the view that replaced "Reading…": the preview, or why the file cannot be imported. */
  async function previewOf(person: Person, name: string, content: string | Buffer, metadata: { size?: number; url?: string } = {}) {
    const { sent, viewId } = await submitFile(person, name, content, metadata);
    expect(sent.json).toMatchObject({ response_action: 'update', view: { callback_id: ids.views.leadImport } });
    expect(viewText(sent.json)).toContain(`Reading *${name}*`);
    const update = await h.slack.waitForCall('views.update', (call) => call.args.view_id === viewId, 10_000);
    await h.idle();
    const view = update.args.view as ModalView;
    expect(blockKitViolations(view)).toEqual([]);
    return view;
  }

  const confirm = (person: Person, importId: string) =>
    h.send.viewSubmission({ teamId, userId: person.id, callbackId: ids.views.leadImportPreview, privateMetadata: importId, values: {} });

  /** The DM that answers a confirmation. */
  async function dmTo(person: Person, text: string, timeoutMs = 10_000): Promise<StandInCall> {
    const dm = await h.slack.waitForCall('chat.postMessage', (call) => call.args.channel === person.id && replyText(call).includes(text), timeoutMs);
    await h.idle();
    return dm;
  }

  it('`/lead import` opens the import form', async () => {
    const sent = await h.send.slashCommand({ teamId, userId: people.rita.id, userName: people.rita.name, command: '/lead', text: 'import', channelId: 'C0SALES', responseUrl: h.slack.responseUrl() });
    expect(sent.status).toBe(200);
    const opened = await h.slack.waitForCall('views.open', (call) => (call.args.view as ModalView | undefined)?.callback_id === ids.views.leadImport, 10_000);
    await h.idle();
    expect(viewText(opened.args.view)).toContain('file_input');
  });

  it('the form takes one CSV file and says which columns it reads', () => {
    expect(fileField.element).toMatchObject({ type: 'file_input', filetypes: ['csv', 'txt'], max_files: 1 });
    const form = buildLeadImportModal(translator('en-US'));
    expect(form).toMatchObject({ callback_id: ids.views.leadImport, submit: { text: 'Preview' } });
    expect(viewText(form)).toContain('*Owner*: a Slack full name, an @mention or an e-mail');
    expect(blockKitViolations(form)).toEqual([]);
  });

  it('a rep previews a Google Sheets export, nothing saved, then confirms: the leads are saved as previewed', async () => {
    const preview = await previewOf(people.rita, 'Pipeline - Sheet1.csv', sheet);
    const shown = viewText(preview);
    expect(preview).toMatchObject({ callback_id: ids.views.leadImportPreview, submit: { text: 'Import 3 leads' } });
    expect(shown).toContain('*Pipeline - Sheet1.csv*: 4 rows. *3 leads* ready to import.');
    expect(shown).toContain(
      '*Columns:* lead ← “Deal Name” · account ← “Company” · value ← “Amount” · stage ← “Stage” · follow-up ← “Next Follow Up” · owner ← “Owner” · note ← “Notes”',
    );
    expect(shown).toContain('*Ignored columns:* Created');
    expect(shown).toContain('*As they will be saved:*');
    expect(shown).toContain('Row 2 · *Acme, roof repair* · <@U0RITA> · 12,000.5 · qualified · follow up Dec 1');
    expect(shown).toContain('Row 3 · *Birch Dental* · <@U0RITA> · 8,000 · new · no follow-up');
    expect(shown).toContain('Row 4 · *Cedar Homes* · <@U0RITA> · 12,000 · estimate · follow up Dec 3');
    expect(shown).toContain('*1 row Pacer could not read* — it is left out:');
    expect(shown).toContain('Row 5: value “abc” is not a number');
    expect(h.slack.callsTo('file_download').map((call) => call.token)).toEqual(['xoxb-e2e']);
    expect(await leadRows()).toEqual([]);
    expect(await pendingImports()).toBe(1);

    expect((await confirm(people.rita, preview.private_metadata ?? '')).status).toBe(200);
    await dmTo(people.rita, 'Imported *3 leads*.');
    const saved = await leadRows();
    expect(saved.map((l) => [l.name, l.ownerId, l.account, l.value?.toNumber() ?? null, l.stage, l.nextFollowUpOn?.toISOString().slice(0, 10) ?? null, l.source, l.createdBy])).toEqual([
      ['Acme, roof repair', people.rita.id, 'Acme, Inc.', 12000.5, 'qualified', '2026-12-01', 'own', people.rita.id],
      ['Birch Dental', people.rita.id, 'Birch Dental', 8000, 'new', null, 'own', people.rita.id],
      ['Cedar Homes', people.rita.id, 'Cedar Group', 12000, 'estimate', '2026-12-03', 'own', people.rita.id],
    ]);
    const events = await h.database.prisma.leadEvent.findMany({ where: { teamId }, include: { lead: true } });
    expect(events.map((e) => [e.lead.name, e.kind, e.detail])).toEqual(
      expect.arrayContaining([['Acme, roof repair', 'imported', 'Call after lunch'], ['Birch Dental', 'imported', null]]),
    );
    expect(await pendingImports()).toBe(0);

    // The same file again: the leads are open already, so they are skipped, not doubled.
    const again = await previewOf(people.rita, 'Pipeline - Sheet1.csv', sheet);
    await confirm(people.rita, again.private_metadata ?? '');
    await dmTo(people.rita, 'Imported *0 leads*. 3 skipped (already open): Acme, roof repair, Birch Dental, Cedar Homes');
    expect(await leadRows()).toHaveLength(3);
  });

  it('a manager imports for their rep by e-mail; a rep of another team and an unknown address are left out', async () => {
    await setUpEastAndWest(h, [people.rita, people.bob]);
    h.slack.setUser({ ...people.bob, email: 'bob@example.com' });
    h.slack.setUser({ ...people.wes, email: 'wes@example.com' });
    const preview = await previewOf(
      people.max,
      'east.csv',
      crlf(
        'Lead,Value,Owner',
        'Echo Labs,5000,bob@example.com',
        'Foxtrot Inc,7000,Bob Rep <BOB@example.com>',
        'Golf Club,3000,wes@example.com',
        'Hotel Uno,1000,',
        'Igloo Co,2000,nobody@example.com',
      ),
    );
    const shown = viewText(preview);
    expect(preview.submit?.text).toBe('Import 3 leads');
    expect(shown).toContain('Row 2 · *Echo Labs* · <@U0BOB>');
    expect(shown).toContain('Row 3 · *Foxtrot Inc* · <@U0BOB>');
    expect(shown).toContain('Row 5 · *Hotel Uno* · <@U0MAX>');
    expect(shown).toContain('Row 4: <@U0WES> is not one of your reps');
    expect(shown).toContain('Row 6: owner “nobody@example.com” is not someone Pacer knows in this workspace');
    // One lookup per address, whatever its case or the name written around it.
    expect(h.slack.callsTo('users.lookupByEmail').map((call) => call.args.email).sort()).toEqual(['bob@example.com', 'nobody@example.com', 'wes@example.com']);

    await confirm(people.max, preview.private_metadata ?? '');
    await dmTo(people.max, 'Imported *3 leads*.');
    expect((await leadRows()).map((l) => [l.name, l.ownerId, l.createdBy])).toEqual([
      ['Echo Labs', people.bob.id, people.max.id],
      ['Foxtrot Inc', people.bob.id, people.max.id],
      ['Hotel Uno', people.max.id, people.max.id],
    ]);
  });

  it('a rep naming another owner gets that row as a problem; with nothing importable there is no button and nothing kept', async () => {
    const preview = await previewOf(people.rita, 'mixed.csv', crlf('Lead,Owner', `Juliet Ltd,${mention(people.bob)}`, 'Kilo GmbH,Nobody Known'));
    const shown = viewText(preview);
    expect(shown).toContain('Row 2: <@U0BOB> is not one of your reps; you may import leads for yourself and for reps of the teams you manage');
    expect(shown).toContain('Row 3: owner “Nobody Known” is not someone Pacer knows in this workspace');
    expect(shown).toContain('There is nothing to import');
    expect(preview.submit).toBeUndefined();
    expect(preview.private_metadata).toBeUndefined();
    expect(await pendingImports()).toBe(0);
    expect(await leadRows()).toEqual([]);
  });

  const tooManyRows = crlf('Lead', ...Array.from({ length: 5001 }, (_, i) => `Lead ${i + 1}`));

  it.each([
    ['an empty file', 'empty.csv', '', 'That file has no leads in it'],
    ['a header alone', 'header.csv', 'Lead,Value\r\n', 'That file has no leads in it'],
    ['an Excel workbook', 'leads.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'it is a workbook or zip file, not CSV text'],
    ['binary data', 'photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'it is not UTF-8 text'],
    ['a quote never closed', 'broken.csv', 'Lead,Value\n"Acme,12\n', 'a quote is never closed'],
    ['no column for the name', 'other.csv', 'Foo,Bar\n1,2\n', 'Pacer can’t find the column with the lead’s name'],
    ['more than 5,000 rows', 'big.csv', tooManyRows, 'That file has 5,001 rows; Pacer imports up to 5,000 at a time. Split it and import each part.'],
  ])('%s is refused with why, and nothing changes', async (_what, name, content, why) => {
    const view = viewText(await previewOf(people.rita, name, content));
    expect(view).toContain(why);
    expect(view).toContain('Nothing was saved.');
    expect(view).not.toContain('"submit"');
    expect(await pendingImports()).toBe(0);
    expect(await leadRows()).toEqual([]);
  });

  it('a file too large is refused under the field before it is downloaded, and after when its size was wrong', async () => {
    const large = `Lead\n${'x'.repeat(maxImportBytes)}\n`;
    const { sent } = await submitFile(people.rita, 'large.csv', large);
    expect(sent.json).toEqual({ response_action: 'errors', errors: { [fileField.block]: 'That file is larger than 2 MB. Split it and import each part.' } });
    expect(h.slack.callsTo('file_download')).toEqual([]);

    const view = viewText(await previewOf(people.rita, 'large.csv', large, { size: 1000 }));
    expect(view).toContain('That file is larger than 2 MB.');
    expect(await pendingImports()).toBe(0);
  });

  it('a file Slack does not serve says the download failed', async () => {
    const view = viewText(await previewOf(people.rita, 'gone.csv', sheet, { url: `${h.slack.url.replace(/api\/$/, '')}files/F0GONE` }));
    expect(view).toContain('Pacer could not fetch that file from Slack');
    expect(await pendingImports()).toBe(0);
  });

  it('a preview is confirmed only by its maker, within the hour, once', async () => {
    const importId = (await previewOf(people.rita, 'sheet.csv', sheet)).private_metadata ?? '';

    await confirm(people.bob, importId);
    await dmTo(people.bob, 'That import is no longer waiting');
    await confirm(people.rita, 'not-an-import-id');
    await dmTo(people.rita, 'That import is no longer waiting');
    expect(await leadRows()).toEqual([]);

    await confirm(people.rita, importId);
    await dmTo(people.rita, 'Imported *3 leads*.');
    h.slack.reset();
    await confirm(people.rita, importId);
    await dmTo(people.rita, 'That import is no longer waiting');
    expect(await leadRows()).toHaveLength(3);

    const later = (await previewOf(people.rita, 'more.csv', crlf('Lead', 'Lima Corp'))).private_metadata ?? '';
    h.clock.set('2026-11-25T12:01:00Z');
    await confirm(people.rita, later);
    await dmTo(people.rita, 'That import is no longer waiting');
    expect(await leadRows()).toHaveLength(3);
  });

  it('confirming checks permissions again: a rep moved out of the manager’s team is refused', async () => {
    await setUpEastAndWest(h, [people.bob]);
    h.slack.setUser({ ...people.bob, email: 'bob@example.com' });
    const importId = (await previewOf(people.max, 'bob.csv', crlf('Lead,Owner', 'Mike Co,bob@example.com'))).private_metadata ?? '';
    await h.command(people.max, '/pacer', `team East remove ${mention(people.bob)}`);
    await confirm(people.max, importId);
    await dmTo(people.max, 'You may not import leads for <@U0BOB>');
    expect(await leadRows()).toEqual([]);
  });

  it('5,000 rows: the preview shows the first ten and counts the rest; all are saved', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `Lead ${String(i + 1).padStart(4, '0')},${(i + 1) * 10},qualified,2026-12-${String((i % 28) + 1).padStart(2, '0')}`);
    const preview = await previewOf(people.rita, 'all.csv', crlf('Lead,Value,Stage,Follow up', ...rows));
    expect(preview.submit?.text).toBe('Import 5,000 leads');
    expect(viewText(preview)).toContain('*The first 10 as they will be saved:*');
    expect(viewText(preview)).toContain('Row 11 · *Lead 0010*');
    expect(viewText(preview)).not.toContain('Row 12 ·');
    expect(viewText(preview)).toContain('…and 4,990 more.');
    await confirm(people.rita, preview.private_metadata ?? '');
    await dmTo(people.rita, 'Imported *5,000 leads*.', 100_000);
    expect(await h.database.prisma.lead.count({ where: { teamId, ownerId: people.rita.id } })).toBe(5000);
  }, 120_000);
});
