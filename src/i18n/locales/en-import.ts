/** English texts of `/lead import` (the upload form, its preview and the result); part of the catalogue in en.ts. */
export const importTexts = {
  title: 'Import leads',
  preview: 'Preview',
  fileLabel: 'CSV file',
  fileHint: 'From a spreadsheet or your CRM: File › Download › CSV. Up to {{- maxRows}} rows and {{- maxMb}} MB.',
  columns:
    '*What Pacer reads* — the first row names the columns, in any order:\n' +
    '• *Lead* (needed): `Lead`, `Deal`, `Opportunity`, `Name` or `Company`\n' +
    '• *Value*: `Value`, `Amount` · *Stage*: `Stage`, `Status` (new, contacted, qualified, estimate, negotiation, won, lost, or your CRM’s names)\n' +
    '• *Follow-up*: `Follow up`, `Next step date`, `Due date` (2026-12-01, 1 Dec 2026, 01.12.2026)\n' +
    '• *Account*, *Product*, *Source* (company or own), *Note*\n' +
    '• *Owner*: a Slack full name, an @mention or an e-mail. Without one a lead is yours; managers may name their teams’ reps.\n' +
    'Other columns are ignored.',
  nothingSavedYet: 'Nothing is saved until you confirm on the next screen.',
  reading: ':hourglass_flowing_sand: Reading *{{name}}*…',
  readingNext: 'The preview comes here in a moment.',
  summary_one: '*{{name}}*: {{- rows}} row.',
  summary_other: '*{{name}}*: {{- rows}} rows.',
  ready_one: '*{{- shown}} lead* ready to import.',
  ready_other: '*{{- shown}} leads* ready to import.',
  mapping: '*Columns:* {{- columns}}',
  mapped: '{{column}} ← “{{header}}”',
  ignored: '*Ignored columns:* {{columns}}',
  columnNames: {
    name: 'lead',
    value: 'value',
    stage: 'stage',
    followUp: 'follow-up',
    account: 'account',
    product: 'product',
    owner: 'owner',
    source: 'source',
    note: 'note',
  },
  allRows: '*As they will be saved:*',
  firstRows: '*The first {{- shown}} as they will be saved:*',
  row: 'Row {{- line}} · *{{name}}* · <@{{- owner}}> · {{- value}} · {{stage}} · {{- followUp}}',
  noValue: 'no value',
  noFollowUp: 'no follow-up',
  followUpOn: 'follow up {{- date}}',
  more: '…and {{- shown}} more.',
  problems_one: '*{{- shown}} row Pacer could not read* — it is left out:',
  problems_other: '*{{- shown}} rows Pacer could not read* — they are left out:',
  problem: 'Row {{- line}}: {{reason}}',
  ownerRefused: 'Row {{- line}}: <@{{- owner}}> is not one of your reps; you may import leads for yourself and for reps of the teams you manage',
  nothingToImport: 'There is nothing to import: no row can be saved. Fix the rows above in your file and run `/lead import` again.',
  confirmHint: 'Names an owner already has open are skipped. Nothing is saved until you press *{{- submit}}*.',
  submit_one: 'Import {{- shown}} lead',
  submit_other: 'Import {{- shown}} leads',
  failedNext: 'Nothing was saved. Fix the file and run `/lead import` again.',
  imported_one: 'Imported *{{- shown}} lead*.',
  imported_other: 'Imported *{{- shown}} leads*.',
  skipped_one: '{{- shown}} skipped (already open): {{names}}',
  skipped_other: '{{- shown}} skipped (already open): {{names}}',
  importedNext: 'See them with `/lead list`.',
};

/** Why a file cannot be imported, or a confirmation is refused; merged into `errors`. */
export const importErrors = {
  import_no_file: 'Choose a CSV file to import.',
  import_empty: 'That file has no leads in it: it is empty, or holds only a header row. Export the sheet with its rows and try again.',
  import_not_csv: 'Pacer can’t read that file as CSV: {{reason}}. In your spreadsheet choose File › Download › Comma-separated values (.csv), and import that file.',
  import_too_many: 'That file has {{count}} rows; Pacer imports up to {{max}} at a time. Split it and import each part.',
  import_too_large: 'That file is larger than {{maxMb}} MB. Split it and import each part.',
  import_no_name_column:
    'Pacer can’t find the column with the lead’s name. Call it `Lead`, `Deal`, `Opportunity`, `Name` or `Company`. The file’s columns are: {{columns}}.',
  import_download_failed: 'Pacer could not fetch that file from Slack. Try the import again; if it keeps failing, ask an admin to check that Pacer may read files (files:read).',
  import_too_many_owners: 'That file names more than {{max}} different owners by @mention or e-mail. Split it, or leave the owner empty on your own leads.',
  import_email_scope:
    'Pacer can’t look people up by e-mail in this workspace yet (it needs the users:read.email permission). Write owners as Slack full names, or ask an admin to reinstall Pacer.',
  import_expired: 'That import is no longer waiting: a preview is kept for an hour, for the person who made it. Run `/lead import` and choose the file again.',
  import_owner_forbidden: 'You may not import leads for <@{{- owner}}>: only for yourself and the reps of the teams you manage. Nothing was saved.',
};
