/** German texts of `/lead import` (the upload form, its preview and the result); part of the catalogue in de.ts. */
export const importTexts = {
  title: 'Leads importieren',
  preview: 'Vorschau',
  fileLabel: 'CSV-Datei',
  fileHint: 'Aus einer Tabelle oder deinem CRM: Datei › Herunterladen › CSV. Bis zu {{- maxRows}} Zeilen und {{- maxMb}} MB.',
  columns:
    '*Was Pacer liest* — die erste Zeile benennt die Spalten, in beliebiger Reihenfolge:\n' +
    '• *Lead* (Pflicht): `Lead`, `Deal`, `Opportunity`, `Name` oder `Company`\n' +
    '• *Wert*: `Value`, `Amount` · *Phase*: `Stage`, `Status` (new, contacted, qualified, estimate, negotiation, won, lost oder die Namen aus deinem CRM)\n' +
    '• *Follow-up*: `Follow up`, `Next step date`, `Due date` (2026-12-01, 1 Dec 2026, 01.12.2026)\n' +
    '• *Account*, *Produkt*, *Quelle* (`company` oder `own`), *Notiz*\n' +
    '• *Owner*: ein vollständiger Slack-Name, eine @-Erwähnung oder eine E-Mail-Adresse. Ohne Owner gehört der Lead dir; Manager können Vertriebler ihrer Teams eintragen.\n' +
    'Andere Spalten werden ignoriert.',
  nothingSavedYet: 'Gespeichert wird erst, wenn du auf der nächsten Seite bestätigst.',
  reading: ':hourglass_flowing_sand: Lese *{{name}}*…',
  readingNext: 'Die Vorschau erscheint hier gleich.',
  summary_one: '*{{name}}*: {{- rows}} Zeile.',
  summary_other: '*{{name}}*: {{- rows}} Zeilen.',
  ready_one: '*{{- shown}} Lead* bereit zum Import.',
  ready_other: '*{{- shown}} Leads* bereit zum Import.',
  mapping: '*Spalten:* {{- columns}}',
  mapped: '{{column}} ← „{{header}}“',
  ignored: '*Ignorierte Spalten:* {{columns}}',
  columnNames: {
    name: 'Lead',
    value: 'Wert',
    stage: 'Phase',
    followUp: 'Follow-up',
    account: 'Account',
    product: 'Produkt',
    owner: 'Owner',
    source: 'Quelle',
    note: 'Notiz',
  },
  allRows: '*So werden sie gespeichert:*',
  firstRows: '*Die ersten {{- shown}}, so wie sie gespeichert werden:*',
  row: 'Zeile {{- line}} · *{{name}}* · <@{{- owner}}> · {{- value}} · {{stage}} · {{- followUp}}',
  noValue: 'kein Wert',
  noFollowUp: 'kein Follow-up',
  followUpOn: 'Follow-up {{- date}}',
  more: '…und {{- shown}} weitere.',
  problems_one: '*{{- shown}} Zeile konnte Pacer nicht lesen* — sie wird ausgelassen:',
  problems_other: '*{{- shown}} Zeilen konnte Pacer nicht lesen* — sie werden ausgelassen:',
  problem: 'Zeile {{- line}}: {{reason}}',
  ownerRefused: 'Zeile {{- line}}: <@{{- owner}}> gehört nicht zu deinen Vertrieblern; du kannst Leads für dich selbst und für Vertriebler der Teams importieren, die du leitest',
  nothingToImport: 'Es gibt nichts zu importieren: Keine Zeile kann gespeichert werden. Korrigier die Zeilen oben in deiner Datei und starte `/lead import` noch mal.',
  confirmHint: 'Leads, die beim jeweiligen Owner unter diesem Namen schon offen sind, werden übersprungen. Gespeichert wird erst, wenn du auf *{{- submit}}* klickst.',
  submit_one: '{{- shown}} Lead importieren',
  submit_other: '{{- shown}} Leads importieren',
  failedNext: 'Es wurde nichts gespeichert. Korrigier die Datei und starte `/lead import` noch mal.',
  imported_one: '*{{- shown}} Lead* importiert.',
  imported_other: '*{{- shown}} Leads* importiert.',
  skipped_one: '{{- shown}} übersprungen (schon offen): {{names}}',
  skipped_other: '{{- shown}} übersprungen (schon offen): {{names}}',
  importedNext: 'Du findest sie mit `/lead list`.',
};

/** Why a file cannot be imported, or a confirmation is refused; merged into `errors`. */
export const importErrors = {
  import_no_file: 'Wähl eine CSV-Datei zum Importieren aus.',
  import_empty: 'In der Datei stehen keine Leads: Sie ist leer oder hat nur eine Kopfzeile. Exportier die Tabelle mit ihren Zeilen und versuch es noch mal.',
  import_not_csv: 'Pacer kann die Datei nicht als CSV lesen: {{reason}}. Wähl in deiner Tabelle Datei › Herunterladen › Kommagetrennte Werte (.csv) und importier diese Datei.',
  import_too_many: 'Die Datei hat {{count}} Zeilen; Pacer importiert höchstens {{max}} auf einmal. Teil sie auf und importier die Teile einzeln.',
  import_too_large: 'Die Datei ist größer als {{maxMb}} MB. Teil sie auf und importier die Teile einzeln.',
  import_no_name_column:
    'Pacer findet die Spalte mit dem Namen des Leads nicht. Nenn sie `Lead`, `Deal`, `Opportunity`, `Name` oder `Company`. Die Spalten der Datei: {{columns}}.',
  import_download_failed: 'Pacer konnte die Datei nicht von Slack laden. Versuch den Import noch mal; klappt es weiter nicht, lass einen Admin prüfen, ob Pacer Dateien lesen darf (files:read).',
  import_too_many_owners: 'Die Datei nennt mehr als {{max}} verschiedene Owner per @-Erwähnung oder E-Mail. Teil sie auf oder lass den Owner bei deinen eigenen Leads leer.',
  import_email_scope:
    'Pacer kann in diesem Workspace noch niemanden per E-Mail finden (dafür fehlt die Berechtigung users:read.email). Schreib die Owner als vollständige Slack-Namen oder bitte einen Admin, Pacer neu zu installieren.',
  import_expired: 'Dieser Import wartet nicht mehr: Eine Vorschau bleibt eine Stunde lang erhalten, für die Person, die sie erstellt hat. Starte `/lead import` und wähl die Datei noch mal aus.',
  import_owner_forbidden: 'Du kannst keine Leads für <@{{- owner}}> importieren, nur für dich selbst und für Vertriebler der Teams, die du leitest. Es wurde nichts gespeichert.',
};
