/**
 * German texts of `/kudos` and the workspace's daily cap (`/pacer kudos`); part of the catalogue in de.ts.
 * A reason is kept as Slack sent it (already escaped mrkdwn), so it is interpolated unescaped: `{{- reason}}`.
 */
export const kudosTexts = {
  help:
    '*Zeig Anerkennung für dein Team*\n' +
    '`/kudos @bob for closing Acme in record time` · `/kudos @bob @rita for the demo prep`\n' +
    'Pacer postet sie in dem Channel, in dem du gerade bist (aus einer DM: im Channel deines Teams), schickt den Kollegen eine DM, und sie zählen im Leaderboard für *meiste Kudos*. ' +
    'Bis zu 5 Personen auf einmal, ein Grund ist Pflicht, und jeder kann {{count}} pro Tag vergeben. Admins: `/pacer kudos limit 3`.',
  post: ':clap: <@{{- giver}}> gibt {{- receivers}} Kudos: *{{- reason}}*',
  postFooter: 'Zeig Anerkennung mit `/kudos @name for …` · Kudos zählen im Leaderboard für *meiste Kudos*',
  dm: ':clap: <@{{- giver}}> gibt dir Kudos: *{{- reason}}*',
  dmSeeIt: 'Schau sie dir in {{- where}} an. Sie zählen im Leaderboard für *meiste Kudos*.',
  dmNotPosted: 'Sie zählen im Leaderboard für *meiste Kudos*.',
  postLink: '<#{{- channel}}> (<{{- url}}|zum Post>)',
  channel: '<#{{- channel}}>',
  sent: 'Kudos an {{- receivers}} verschickt: gepostet in {{- where}}, und sie haben eine DM bekommen.',
  sentNotPosted: 'Kudos gespeichert und per DM an {{- receivers}} geschickt. Pacer konnte sie hier nicht posten, und du hast keinen Team-Channel, in dem sie erscheinen könnten.',
  left_one: 'Du kannst heute noch {{count}} vergeben.',
  left_other: 'Du kannst heute noch {{count}} vergeben.',
  leftNone: 'Damit hast du alle {{cap}} Kudos für heute vergeben; neue gibt es nach Mitternacht deiner Zeit.',
  capReached_one: 'Du hast deine {{count}} Kudos für heute schon vergeben: Das ist das Tageslimit in diesem Workspace. Es startet um Mitternacht deiner Zeit neu ({{- when}}). Es wurde nichts verschickt.',
  capReached_other: 'Du hast deine {{count}} Kudos für heute schon vergeben: Das ist das Tageslimit in diesem Workspace. Es startet um Mitternacht deiner Zeit neu ({{- when}}). Es wurde nichts verschickt.',
  capTooMany_one: 'Du kannst heute noch {{count}} Kudos vergeben (das Tageslimit hier ist {{cap}}), genannt hast du aber {{asked}} Personen. Nenn weniger oder warte bis Mitternacht deiner Zeit ({{- when}}). Es wurde nichts verschickt.',
  capTooMany_other: 'Du kannst heute noch {{count}} Kudos vergeben (das Tageslimit hier ist {{cap}}), genannt hast du aber {{asked}} Personen. Nenn weniger oder warte bis Mitternacht deiner Zeit ({{- when}}). Es wurde nichts verschickt.',
  capIs_one: 'In diesem Workspace kann jeder {{count}} Kudos pro Tag vergeben. Admins ändern das mit `/pacer kudos limit 3`.',
  capIs_other: 'In diesem Workspace kann jeder {{count}} Kudos pro Tag vergeben. Admins ändern das mit `/pacer kudos limit 3`.',
  capSet_one: 'Erledigt: Jeder kann jetzt {{count}} Kudos pro Tag vergeben.',
  capSet_other: 'Erledigt: Jeder kann jetzt {{count}} Kudos pro Tag vergeben.',
};

export const kudosErrors = {
  kudos_no_mention: 'Wähl per @-Erwähnung, wer die Kudos bekommt, und sag dann wofür: `/kudos @bob for closing Acme in record time`.',
  kudos_self: 'Kudos sind für andere: Du hast dich selbst genannt, also wurde nichts verschickt. Nenn nur andere: `/kudos @bob for closing Acme in record time`.',
  kudos_too_many: 'Du hast {{given}} Personen genannt; ein /kudos nimmt höchstens {{max}}. Verteil sie auf mehrere: `/kudos @bob @rita for the demo prep`.',
  kudos_reason_missing: 'Sag, wofür die Kudos sind: `/kudos @bob for closing Acme in record time`.',
  kudos_reason_too_long: 'Halt den Grund bei höchstens {{max}} Zeichen (deiner hat {{given}}): `/kudos @bob for closing Acme in record time`.',
  kudos_bot: 'Kudos sind für Menschen, nicht für Bots. Es wurde nichts verschickt.',
  kudos_unknown: 'Eine dieser Personen finde ich in diesem Workspace nicht. Es wurde nichts verschickt.',
  pacer_kudos_limit: '„{{given}}“ ist kein gültiges Tageslimit für Kudos. Gib eine ganze Zahl von {{min}} bis {{max}} an: `/pacer kudos limit 3`.',
};
