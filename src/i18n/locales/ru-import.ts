/** Russian texts of `/lead import` (the upload form, its preview and the result); part of the catalogue in ru.ts. */
export const importTexts = {
  title: 'Импорт лидов',
  preview: 'Просмотр',
  fileLabel: 'CSV-файл',
  fileHint: 'Из таблицы или CRM: Файл › Скачать › CSV. До {{- maxRows}} строк и {{- maxMb}} МБ.',
  columns:
    '*Что читает Pacer* — в первой строке названия столбцов, в любом порядке:\n' +
    '• *Лид* (обязательно): `Lead`, `Deal`, `Opportunity`, `Name` или `Company`\n' +
    '• *Сумма*: `Value`, `Amount` · *Этап*: `Stage`, `Status` (new, contacted, qualified, estimate, negotiation, won, lost или названия этапов из вашей CRM)\n' +
    '• *Следующий контакт*: `Follow up`, `Next step date`, `Due date` (2026-12-01, 01.12.2026)\n' +
    '• *Клиент*, *Продукт*, *Источник* (company или own), *Комментарий*\n' +
    '• *Ответственный*: полное имя в Slack, @упоминание или e-mail. Без него лид будет вашим; руководители могут указывать менеджеров своих команд.\n' +
    'Остальные столбцы не учитываются.',
  nothingSavedYet: 'Ничего не сохранится, пока вы не подтвердите импорт на следующем экране.',
  reading: ':hourglass_flowing_sand: Читаю *{{name}}*…',
  readingNext: 'Предпросмотр появится здесь через несколько секунд.',
  summary_one: '*{{name}}*: {{- rows}} строка.',
  summary_few: '*{{name}}*: {{- rows}} строки.',
  summary_many: '*{{name}}*: {{- rows}} строк.',
  summary_other: '*{{name}}*: {{- rows}} строки.',
  ready_one: 'К импорту готов *{{- shown}} лид*.',
  ready_few: 'К импорту готовы *{{- shown}} лида*.',
  ready_many: 'К импорту готовы *{{- shown}} лидов*.',
  ready_other: 'К импорту готовы *{{- shown}} лида*.',
  mapping: '*Столбцы:* {{- columns}}',
  mapped: '{{column}} ← «{{header}}»',
  ignored: '*Пропущенные столбцы:* {{columns}}',
  columnNames: {
    name: 'лид',
    value: 'сумма',
    stage: 'этап',
    followUp: 'следующий контакт',
    account: 'клиент',
    product: 'продукт',
    owner: 'ответственный',
    source: 'источник',
    note: 'комментарий',
  },
  allRows: '*Так они будут сохранены:*',
  firstRows: '*Первые {{- shown}} — так они будут сохранены:*',
  row: 'Строка {{- line}} · *{{name}}* · <@{{- owner}}> · {{- value}} · {{stage}} · {{- followUp}}',
  noValue: 'без суммы',
  noFollowUp: 'без следующего контакта',
  followUpOn: 'контакт {{- date}}',
  more: '…и ещё {{- shown}}.',
  problems_one: '*{{- shown}} строку Pacer не смог прочитать* — она пропущена:',
  problems_few: '*{{- shown}} строки Pacer не смог прочитать* — они пропущены:',
  problems_many: '*{{- shown}} строк Pacer не смог прочитать* — они пропущены:',
  problems_other: '*{{- shown}} строки Pacer не смог прочитать* — они пропущены:',
  problem: 'Строка {{- line}}: {{reason}}',
  ownerRefused: 'Строка {{- line}}: <@{{- owner}}> не из ваших менеджеров; импортировать лиды можно себе и менеджерам команд, которыми вы руководите',
  nothingToImport: 'Импортировать нечего: ни одну строку нельзя сохранить. Исправьте строки выше в файле и снова запустите `/lead import`.',
  confirmHint: 'Лиды с названиями, которые у ответственного уже открыты, пропускаются. Ничего не сохранится, пока вы не нажмёте *{{- submit}}*.',
  submit_one: 'Загрузить {{- shown}} лид',
  submit_few: 'Загрузить {{- shown}} лида',
  submit_many: 'Загрузить {{- shown}} лидов',
  submit_other: 'Загрузить {{- shown}} лида',
  failedNext: 'Ничего не сохранено. Исправьте файл и снова запустите `/lead import`.',
  imported_one: 'Загружен *{{- shown}} лид*.',
  imported_few: 'Загружено *{{- shown}} лида*.',
  imported_many: 'Загружено *{{- shown}} лидов*.',
  imported_other: 'Загружено *{{- shown}} лида*.',
  skipped_one: 'Пропущено: {{- shown}} (уже открыт): {{names}}',
  skipped_few: 'Пропущено: {{- shown}} (уже открыты): {{names}}',
  skipped_many: 'Пропущено: {{- shown}} (уже открыты): {{names}}',
  skipped_other: 'Пропущено: {{- shown}} (уже открыты): {{names}}',
  importedNext: 'Посмотреть их: `/lead list`.',
};

/** Why a file cannot be imported, or a confirmation is refused; merged into `errors`. */
export const importErrors = {
  import_no_file: 'Выберите CSV-файл для импорта.',
  import_empty: 'В этом файле нет лидов: он пустой или в нём только строка заголовков. Выгрузите таблицу вместе со строками и попробуйте снова.',
  import_not_csv: 'Pacer не может прочитать этот файл как CSV: {{reason}}. В таблице выберите Файл › Скачать › CSV (значения, разделённые запятыми) и импортируйте этот файл.',
  import_too_many: 'В файле строк: {{count}}; за один раз Pacer импортирует не больше {{max}}. Разбейте файл и импортируйте части по очереди.',
  import_too_large: 'Файл больше {{maxMb}} МБ. Разбейте его и импортируйте части по очереди.',
  import_no_name_column:
    'Pacer не нашёл столбец с названием лида. Назовите его `Lead`, `Deal`, `Opportunity`, `Name` или `Company`. Столбцы в файле: {{columns}}.',
  import_download_failed: 'Pacer не смог получить файл из Slack. Попробуйте импорт ещё раз; если ошибка повторяется, попросите админа проверить, что у Pacer есть доступ к файлам (files:read).',
  import_too_many_owners: 'В файле больше {{max}} разных ответственных, указанных через @упоминание или e-mail. Разбейте файл или оставьте ответственного пустым в своих лидах.',
  import_email_scope:
    'Pacer пока не может искать людей по e-mail в этом рабочем пространстве (нужно разрешение users:read.email). Укажите ответственных полными именами в Slack или попросите админа переустановить Pacer.',
  import_expired: 'Этот импорт уже не ждёт подтверждения: предпросмотр хранится час и только для того, кто его сделал. Запустите `/lead import` и выберите файл заново.',
  import_owner_forbidden: 'Вы не можете импортировать лиды для <@{{- owner}}>: только для себя и менеджеров команд, которыми вы руководите. Ничего не сохранено.',
};
