import type { KnownBlock, ModalView } from '@slack/types';
import { maxImportBytes, maxImportRows, type ImportedLead } from '../src/domain/lead-import.js';
import type { Translator } from '../src/i18n/index.js';
import type { ImportPreview, ImportRowProblem } from '../src/services/lead-import.js';
import { ids } from '../src/slack/ids.js';
import type { SlackMessage } from './text.js';
import { context, limits, plain, section } from './text.js';

/** Rows shown as they will be saved, and rows that cannot be read, before "and N more". */
export const previewRows = 10;
export const previewProblems = 20;

function importModal(tr: Translator, callbackId: string, blocks: KnownBlock[], submit?: string): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(tr.t('import.title'), limits.modalTitle),
    ...(submit ? { submit: plain(submit, limits.modalTitle) } : {}),
    close: plain(tr.t('modal.cancel'), limits.modalTitle),
    blocks,
  };
}

/** `/lead import`: one CSV file, and what Pacer reads in it. */
export function buildLeadImportModal(tr: Translator): ModalView {
  const f = ids.leadImport.file;
  return importModal(
    tr,
    ids.views.leadImport,
    [
      {
        type: 'input',
        block_id: f.block,
        label: plain(tr.t('import.fileLabel'), 2000),
        hint: plain(tr.t('import.fileHint', { maxRows: tr.number(maxImportRows), maxMb: tr.number(maxImportBytes / 1024 / 1024) }), 2000),
        // Slack checks the extension only; the content is checked again when the file is read.
        element: { type: 'file_input', action_id: f.action, filetypes: ['csv', 'txt'], max_files: 1 },
      },
      section(tr.t('import.columns')),
      context(tr.t('import.nothingSavedYet')),
    ],
    tr.t('import.preview'),
  );
}

/** What the form turns into while the file is fetched and read: no button, the preview replaces it. */
export function buildLeadImportReading(tr: Translator, fileName: string): ModalView {
  return importModal(tr, ids.views.leadImport, [section(tr.t('import.reading', { name: fileName })), context(tr.t('import.readingNext'))]);
}

/** A file that cannot be imported: why, and that nothing changed. */
export function buildLeadImportFailed(tr: Translator, problem: SlackMessage): ModalView {
  return importModal(tr, ids.views.leadImport, [...problem.blocks, context(tr.t('import.failedNext'))]);
}

function leadLine(tr: Translator, lead: ImportedLead): string {
  const { draft } = lead;
  return tr.t('import.row', {
    line: tr.number(lead.line),
    name: draft.name,
    owner: lead.ownerId,
    value: draft.value === null ? tr.t('import.noValue') : tr.money(draft.value),
    stage: tr.t(`lead.stages.${draft.stage}`),
    followUp: draft.nextFollowUpOn === null ? tr.t('import.noFollowUp') : tr.t('import.followUpOn', { date: tr.date(draft.nextFollowUpOn) }),
  });
}

function problemLine(tr: Translator, problem: ImportRowProblem): string {
  const line = tr.number(problem.line);
  return 'reason' in problem ? tr.t('import.problem', { line, reason: problem.reason }) : tr.t('import.ownerRefused', { line, owner: problem.ownerId });
}

function more(tr: Translator, total: number, shown: number): KnownBlock[] {
  return total > shown ? [context(tr.t('import.more', { shown: tr.number(total - shown) }))] : [];
}

/**
 * The preview: how the columns were read, the first rows as they will be saved, the rows left out
 * with their reasons, and a button naming how many leads it saves; none when nothing can be saved.
 * `private_metadata` is the pending import's id.
 */
export function buildLeadImportPreview(tr: Translator, preview: ImportPreview): ModalView {
  const { leads, problems } = preview;
  const count = leads.length;
  const submit = tr.t('import.submit', { count, shown: tr.number(count) });
  const columns = preview.mapping.map((m) => tr.t('import.mapped', { column: tr.t(`import.columnNames.${m.column}`), header: m.header })).join(' · ');
  const shownLeads = leads.slice(0, previewRows);
  const shownProblems = problems.slice(0, previewProblems);
  const blocks: KnownBlock[] = [
    section(
      [
        tr.t('import.summary', { count: preview.rows, name: preview.fileName, rows: tr.number(preview.rows) }),
        tr.t('import.ready', { count, shown: tr.number(count) }),
      ].join(' '),
    ),
    section(tr.t('import.mapping', { columns })),
    ...(preview.ignored.length > 0 ? [context(tr.t('import.ignored', { columns: preview.ignored.join(', ') }))] : []),
    ...(count > 0
      ? [
          section(count > previewRows ? tr.t('import.firstRows', { shown: tr.number(previewRows) }) : tr.t('import.allRows')),
          ...shownLeads.map((lead) => section(leadLine(tr, lead))),
        ]
      : []),
    ...more(tr, count, shownLeads.length),
    ...(problems.length > 0
      ? [section(tr.t('import.problems', { count: problems.length, shown: tr.number(problems.length) })), ...shownProblems.map((p) => section(problemLine(tr, p)))]
      : []),
    ...more(tr, problems.length, shownProblems.length),
    count > 0 ? context(tr.t('import.confirmHint', { submit })) : section(tr.t('import.nothingToImport')),
  ];
  const view = importModal(tr, ids.views.leadImportPreview, blocks, count > 0 ? submit : undefined);
  return preview.importId ? { ...view, private_metadata: preview.importId } : view;
}

/** Names of skipped leads listed in the result, before they are only counted. */
const listedSkips = 20;

/** After the import: how many leads were saved, and which names were skipped because their owner has them open. */
export function buildLeadsImported(tr: Translator, result: { created: number; skipped: readonly string[] }): SlackMessage {
  const skipped = result.skipped.length;
  const names = result.skipped.slice(0, listedSkips).join(', ') + (skipped > listedSkips ? ` ${tr.t('import.more', { shown: tr.number(skipped - listedSkips) })}` : '');
  const text = [
    tr.t('import.imported', { count: result.created, shown: tr.number(result.created) }),
    ...(skipped > 0 ? [tr.t('import.skipped', { count: skipped, shown: tr.number(skipped), names })] : []),
  ].join(' ');
  return { text, blocks: [section(text), context(tr.t('import.importedNext'))] };
}
