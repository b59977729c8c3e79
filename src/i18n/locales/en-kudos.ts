/**
 * English texts of `/kudos` and the workspace's daily cap (`/pacer kudos`); part of the catalogue in en.ts.
 * A reason is kept as Slack sent it (already escaped mrkdwn), so it is interpolated unescaped: `{{- reason}}`.
 */
export const kudosTexts = {
  help:
    '*Recognise a teammate*\n' +
    '`/kudos @bob for closing Acme in record time` · `/kudos @bob @rita for the demo prep`\n' +
    'Pacer posts it in the channel you are in (from a DM: your team’s channel), tells them in a DM, and it counts toward *most kudos* on the board. ' +
    'Up to 5 people at once, a reason is required, and everyone can give {{count}} a day. Admins: `/pacer kudos limit 3`.',
  post: ':clap: <@{{- giver}}> gave kudos to {{- receivers}} *for {{- reason}}*',
  postFooter: 'Recognise someone with `/kudos @name for …` · kudos count toward *most kudos* on the board',
  dm: ':clap: <@{{- giver}}> gave you kudos *for {{- reason}}*',
  dmSeeIt: 'See it in {{- where}}. It counts toward *most kudos* on the board.',
  dmNotPosted: 'It counts toward *most kudos* on the board.',
  postLink: '<#{{- channel}}> (<{{- url}}|see the post>)',
  channel: '<#{{- channel}}>',
  sent: 'Kudos sent to {{- receivers}}: posted in {{- where}}, and they were told in a DM.',
  sentNotPosted: 'Kudos saved and sent to {{- receivers}} in a DM. Pacer could not post them here, and you have no team channel to post them in.',
  left_one: 'You can give {{count}} more today.',
  left_other: 'You can give {{count}} more today.',
  leftNone: 'That was the last of your {{cap}} for today; more after midnight your time.',
  capReached_one: 'You have given your {{count}} kudos for today: that is the daily cap in this workspace. It starts again at midnight your time ({{- when}}). Nothing was sent.',
  capReached_other: 'You have given your {{count}} kudos for today: that is the daily cap in this workspace. It starts again at midnight your time ({{- when}}). Nothing was sent.',
  capTooMany_one: 'You can give {{count}} more kudos today (the daily cap here is {{cap}}), and that names {{asked}} people. Name fewer, or wait until midnight your time ({{- when}}). Nothing was sent.',
  capTooMany_other: 'You can give {{count}} more kudos today (the daily cap here is {{cap}}), and that names {{asked}} people. Name fewer, or wait until midnight your time ({{- when}}). Nothing was sent.',
  capIs_one: 'Everyone can give {{count}} kudos a day in this workspace. Admins change it with `/pacer kudos limit 3`.',
  capIs_other: 'Everyone can give {{count}} kudos a day in this workspace. Admins change it with `/pacer kudos limit 3`.',
  capSet_one: 'Done: everyone can now give {{count}} kudos a day.',
  capSet_other: 'Done: everyone can now give {{count}} kudos a day.',
};

export const kudosErrors = {
  kudos_no_mention: 'Pick who the kudos are for with an @-mention, then say what for: `/kudos @bob for closing Acme in record time`.',
  kudos_self: 'Kudos are for someone else: you named yourself, so nothing was sent. Name only others: `/kudos @bob for closing Acme in record time`.',
  kudos_too_many: 'That names {{given}} people; one /kudos takes at most {{max}}. Split them over a few: `/kudos @bob @rita for the demo prep`.',
  kudos_reason_missing: 'Say what the kudos are for: `/kudos @bob for closing Acme in record time`.',
  kudos_reason_too_long: 'Keep the reason to {{max}} characters (that one has {{given}}): `/kudos @bob for closing Acme in record time`.',
  kudos_bot: 'Kudos are for people, not bots. Nothing was sent.',
  kudos_unknown: 'I can’t find one of those people in this workspace. Nothing was sent.',
  pacer_kudos_limit: '“{{given}}” is not a daily kudos cap. Give a whole number from {{min}} to {{max}}: `/pacer kudos limit 3`.',
};
