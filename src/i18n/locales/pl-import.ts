/** Polish texts of `/lead import` (the upload form, its preview and the result); part of the catalogue in pl.ts. */
export const importTexts = {
  title: 'Import leadów',
  preview: 'Podgląd',
  fileLabel: 'Plik CSV',
  fileHint: 'Z arkusza lub z CRM-a: Plik › Pobierz › CSV. Do {{- maxRows}} wierszy i {{- maxMb}} MB.',
  columns:
    '*Co czyta Pacer* — pierwszy wiersz to nazwy kolumn, w dowolnej kolejności:\n' +
    '• *Lead* (wymagany): `Lead`, `Deal`, `Opportunity`, `Name` lub `Company`\n' +
    '• *Wartość*: `Value`, `Amount` · *Etap*: `Stage`, `Status` (new, contacted, qualified, estimate, negotiation, won, lost albo nazwy z twojego CRM-a)\n' +
    '• *Follow-up*: `Follow up`, `Next step date`, `Due date` (2026-12-01, 01.12.2026)\n' +
    '• *Klient*, *Produkt*, *Źródło* (firma lub własne), *Notatka*\n' +
    '• *Właściciel*: imię i nazwisko ze Slacka, @wzmianka lub e-mail. Bez tego lead jest twój; managerowie mogą wskazać handlowców ze swoich zespołów.\n' +
    'Pozostałe kolumny są pomijane.',
  nothingSavedYet: 'Nic nie zostanie zapisane, dopóki nie potwierdzisz na następnym ekranie.',
  reading: ':hourglass_flowing_sand: Czytam *{{name}}*…',
  readingNext: 'Za chwilę pojawi się tu podgląd.',
  summary_one: '*{{name}}*: {{- rows}} wiersz.',
  summary_few: '*{{name}}*: {{- rows}} wiersze.',
  summary_many: '*{{name}}*: {{- rows}} wierszy.',
  summary_other: '*{{name}}*: {{- rows}} wiersza.',
  ready_one: '*{{- shown}} lead* gotowy do importu.',
  ready_few: '*{{- shown}} leady* gotowe do importu.',
  ready_many: '*{{- shown}} leadów* gotowych do importu.',
  ready_other: '*{{- shown}} leada* gotowego do importu.',
  mapping: '*Kolumny:* {{- columns}}',
  mapped: '{{column}} ← „{{header}}”',
  ignored: '*Pominięte kolumny:* {{columns}}',
  columnNames: {
    name: 'lead',
    value: 'wartość',
    stage: 'etap',
    followUp: 'follow-up',
    account: 'klient',
    product: 'produkt',
    owner: 'właściciel',
    source: 'źródło',
    note: 'notatka',
  },
  allRows: '*Tak zostaną zapisane:*',
  firstRows: '*Pierwsze {{- shown}} tak, jak zostaną zapisane:*',
  row: 'Wiersz {{- line}} · *{{name}}* · <@{{- owner}}> · {{- value}} · {{stage}} · {{- followUp}}',
  noValue: 'bez wartości',
  noFollowUp: 'bez follow-upu',
  followUpOn: 'follow-up {{- date}}',
  more: '…i jeszcze {{- shown}}.',
  problems_one: '*{{- shown}} wiersz, którego Pacer nie umie odczytać* — zostaje pominięty:',
  problems_few: '*{{- shown}} wiersze, których Pacer nie umie odczytać* — zostają pominięte:',
  problems_many: '*{{- shown}} wierszy, których Pacer nie umie odczytać* — zostają pominięte:',
  problems_other: '*{{- shown}} wiersza, których Pacer nie umie odczytać* — zostają pominięte:',
  problem: 'Wiersz {{- line}}: {{reason}}',
  ownerRefused: 'Wiersz {{- line}}: <@{{- owner}}> nie jest handlowcem w twoich zespołach; możesz importować leady dla siebie i dla handlowców z zespołów, którymi zarządzasz',
  nothingToImport: 'Nie ma czego importować: żadnego wiersza nie da się zapisać. Popraw wiersze wymienione wyżej w pliku i uruchom `/lead import` jeszcze raz.',
  confirmHint: 'Leady o nazwach, które właściciel ma już otwarte, zostaną pominięte. Nic nie zostanie zapisane, dopóki nie klikniesz *{{- submit}}*.',
  submit_one: 'Importuj {{- shown}} lead',
  submit_few: 'Importuj {{- shown}} leady',
  submit_many: 'Importuj {{- shown}} leadów',
  submit_other: 'Importuj {{- shown}} leada',
  failedNext: 'Nic nie zostało zapisane. Popraw plik i uruchom `/lead import` jeszcze raz.',
  imported_one: 'Zaimportowano *{{- shown}} lead*.',
  imported_few: 'Zaimportowano *{{- shown}} leady*.',
  imported_many: 'Zaimportowano *{{- shown}} leadów*.',
  imported_other: 'Zaimportowano *{{- shown}} leada*.',
  skipped_one: 'Pominięto {{- shown}} (już otwarty): {{names}}',
  skipped_few: 'Pominięto {{- shown}} (już otwarte): {{names}}',
  skipped_many: 'Pominięto {{- shown}} (już otwarte): {{names}}',
  skipped_other: 'Pominięto {{- shown}} (już otwarte): {{names}}',
  importedNext: 'Zobaczysz je w `/lead list`.',
};

/** Why a file cannot be imported, or a confirmation is refused; merged into `errors`. */
export const importErrors = {
  import_no_file: 'Wybierz plik CSV do importu.',
  import_empty: 'W tym pliku nie ma leadów: jest pusty albo ma tylko wiersz nagłówka. Wyeksportuj arkusz razem z wierszami i spróbuj jeszcze raz.',
  import_not_csv: 'Pacer nie może odczytać tego pliku jako CSV: {{reason}}. W arkuszu wybierz Plik › Pobierz › Wartości rozdzielone przecinkami (.csv) i zaimportuj ten plik.',
  import_too_many: 'Liczba wierszy w pliku: {{count}}, a Pacer importuje najwyżej {{max}} naraz. Podziel go i zaimportuj każdą część osobno.',
  import_too_large: 'Ten plik jest większy niż {{maxMb}} MB. Podziel go i zaimportuj każdą część osobno.',
  import_no_name_column:
    'Pacer nie znajduje kolumny z nazwą leada. Nazwij ją `Lead`, `Deal`, `Opportunity`, `Name` lub `Company`. Kolumny w pliku: {{columns}}.',
  import_download_failed: 'Pacer nie zdołał pobrać tego pliku ze Slacka. Spróbuj zaimportować go jeszcze raz; jeśli błąd się powtarza, poproś admina, żeby sprawdził, czy Pacer może czytać pliki (files:read).',
  import_too_many_owners: 'Ten plik wskazuje więcej niż {{max}} różnych właścicieli przez @wzmiankę lub e-mail. Podziel go albo zostaw pole właściciela puste przy swoich leadach.',
  import_email_scope:
    'Pacer nie może jeszcze wyszukiwać osób po e-mailu w tym workspace (potrzebne jest uprawnienie users:read.email). Wpisz właścicieli jako imiona i nazwiska ze Slacka albo poproś admina o ponowną instalację Pacera.',
  import_expired: 'Ten import już nie czeka: podgląd jest przechowywany przez godzinę i tylko dla osoby, która go utworzyła. Uruchom `/lead import` i wybierz plik jeszcze raz.',
  import_owner_forbidden: 'Nie możesz importować leadów dla <@{{- owner}}>: tylko dla siebie i handlowców z zespołów, którymi zarządzasz. Nic nie zostało zapisane.',
};
