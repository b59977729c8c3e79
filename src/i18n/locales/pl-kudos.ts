/**
 * Polish texts of `/kudos` and the workspace's daily cap (`/pacer kudos`); part of the catalogue in pl.ts.
 * A reason is kept as Slack sent it (already escaped mrkdwn), so it is interpolated unescaped: `{{- reason}}`.
 * The reason is shown as typed (only an English leading "for" is cut), so no preposition is put before it.
 */
export const kudosTexts = {
  help:
    '*Doceń kogoś z zespołu*\n' +
    '`/kudos @bob for closing Acme in record time` · `/kudos @bob @rita for the demo prep`\n' +
    'Pacer publikuje kudosy na kanale, na którym jesteś (z DM: na kanale twojego zespołu), daje znać odbiorcom w DM, a kudosy liczą się do kategorii *najwięcej kudosów* w rankingu. ' +
    'Do 5 osób naraz, powód jest obowiązkowy, a dzienny limit na osobę to {{count}}. Admini: `/pacer kudos limit 3`.',
  post: ':clap: Kudosy od <@{{- giver}}> dla {{- receivers}}: *{{- reason}}*',
  postFooter: 'Doceń kogoś: `/kudos @name for …` · kudosy liczą się do kategorii *najwięcej kudosów* w rankingu',
  dm: ':clap: Kudosy dla ciebie od <@{{- giver}}>: *{{- reason}}*',
  dmSeeIt: 'Post znajdziesz na {{- where}}. Kudosy liczą się do kategorii *najwięcej kudosów* w rankingu.',
  dmNotPosted: 'Kudosy liczą się do kategorii *najwięcej kudosów* w rankingu.',
  postLink: '<#{{- channel}}> (<{{- url}}|zobacz post>)',
  channel: '<#{{- channel}}>',
  sent: 'Kudosy wysłane do: {{- receivers}}. Opublikowane na {{- where}}, a odbiorcy dostali wiadomość w DM.',
  sentNotPosted: 'Kudosy zapisane i wysłane w DM do: {{- receivers}}. Pacer nie mógł ich tu opublikować, a nie masz kanału zespołu, na którym mogłyby się pojawić.',
  left_one: 'Dziś możesz dać jeszcze {{count}} kudos.',
  left_few: 'Dziś możesz dać jeszcze {{count}} kudosy.',
  left_many: 'Dziś możesz dać jeszcze {{count}} kudosów.',
  left_other: 'Dziś możesz dać jeszcze {{count}} kudosa.',
  leftNone: 'To był ostatni z twojego dziennego limitu ({{cap}}); kolejne po północy twojego czasu.',
  capReached_one: 'Dzisiejszy limit już wykorzystany: {{count}} kudos to dzienny limit w tym workspace. Odnowi się o północy twojego czasu ({{- when}}). Nic nie zostało wysłane.',
  capReached_few: 'Dzisiejszy limit już wykorzystany: {{count}} kudosy to dzienny limit w tym workspace. Odnowi się o północy twojego czasu ({{- when}}). Nic nie zostało wysłane.',
  capReached_many: 'Dzisiejszy limit już wykorzystany: {{count}} kudosów to dzienny limit w tym workspace. Odnowi się o północy twojego czasu ({{- when}}). Nic nie zostało wysłane.',
  capReached_other: 'Dzisiejszy limit już wykorzystany: {{count}} kudosa to dzienny limit w tym workspace. Odnowi się o północy twojego czasu ({{- when}}). Nic nie zostało wysłane.',
  capTooMany_one: 'Dziś możesz dać jeszcze {{count}} kudos (dzienny limit to {{cap}}), a liczba wskazanych osób to {{asked}}. Wskaż mniej osób albo poczekaj do północy twojego czasu ({{- when}}). Nic nie zostało wysłane.',
  capTooMany_few: 'Dziś możesz dać jeszcze {{count}} kudosy (dzienny limit to {{cap}}), a liczba wskazanych osób to {{asked}}. Wskaż mniej osób albo poczekaj do północy twojego czasu ({{- when}}). Nic nie zostało wysłane.',
  capTooMany_many: 'Dziś możesz dać jeszcze {{count}} kudosów (dzienny limit to {{cap}}), a liczba wskazanych osób to {{asked}}. Wskaż mniej osób albo poczekaj do północy twojego czasu ({{- when}}). Nic nie zostało wysłane.',
  capTooMany_other: 'Dziś możesz dać jeszcze {{count}} kudosa (dzienny limit to {{cap}}), a liczba wskazanych osób to {{asked}}. Wskaż mniej osób albo poczekaj do północy twojego czasu ({{- when}}). Nic nie zostało wysłane.',
  capIs_one: 'W tym workspace każdy może dać {{count}} kudos dziennie. Admini zmieniają to przez `/pacer kudos limit 3`.',
  capIs_few: 'W tym workspace każdy może dać {{count}} kudosy dziennie. Admini zmieniają to przez `/pacer kudos limit 3`.',
  capIs_many: 'W tym workspace każdy może dać {{count}} kudosów dziennie. Admini zmieniają to przez `/pacer kudos limit 3`.',
  capIs_other: 'W tym workspace każdy może dać {{count}} kudosa dziennie. Admini zmieniają to przez `/pacer kudos limit 3`.',
  capSet_one: 'Gotowe: teraz każdy może dać {{count}} kudos dziennie.',
  capSet_few: 'Gotowe: teraz każdy może dać {{count}} kudosy dziennie.',
  capSet_many: 'Gotowe: teraz każdy może dać {{count}} kudosów dziennie.',
  capSet_other: 'Gotowe: teraz każdy może dać {{count}} kudosa dziennie.',
};

export const kudosErrors = {
  kudos_no_mention: 'Wskaż, dla kogo są kudosy, przez @wzmiankę, a potem napisz za co: `/kudos @bob for closing Acme in record time`.',
  kudos_self: 'Kudosy są dla innych: na liście jesteś ty, więc nic nie zostało wysłane. Wskaż tylko inne osoby: `/kudos @bob for closing Acme in record time`.',
  kudos_too_many: 'Wskazanych osób: {{given}}, a jedno /kudos obejmuje najwyżej {{max}}. Podziel je na kilka: `/kudos @bob @rita for the demo prep`.',
  kudos_reason_missing: 'Napisz, za co są kudosy: `/kudos @bob for closing Acme in record time`.',
  kudos_reason_too_long: 'Powód może mieć najwyżej {{max}} znaków (ten ma {{given}}): `/kudos @bob for closing Acme in record time`.',
  kudos_bot: 'Kudosy są dla ludzi, nie dla botów. Nic nie zostało wysłane.',
  kudos_unknown: 'Nie mogę znaleźć jednej z tych osób w tym workspace. Nic nie zostało wysłane.',
  pacer_kudos_limit: '„{{given}}” to nie jest dzienny limit kudosów. Podaj liczbę całkowitą od {{min}} do {{max}}: `/pacer kudos limit 3`.',
};
