import { buildBoard } from '../../../../blocks/board.js';
import { buildHelp } from '../../../../blocks/notice.js';
import { parseBoardCommand } from '../../../domain/board-command.js';
import { readRanking, type Ranking } from '../../../domain/board.js';
import { readDateWords } from '../../../domain/date-words.js';
import type { Member } from '../../../domain/members.js';
import { localDate } from '../../../domain/periods.js';
import { PacerError } from '../../../errors.js';
import type { Translator } from '../../../i18n/index.js';
import type { Board, BoardRequest } from '../../../services/leaderboard.js';
import { encodeBoardRequest } from '../../button-values.js';
import type { PacerDeps } from '../../deps.js';
import { slashCommand } from './slash-command.js';

/** How far back `/board since` reaches: history is never reset, but a window is kept readable. */
const maxSinceYears = 5;

/** `/board`: this week's board so far (or a month, a quarter, since a day; one metric; another team), with a Share button. */
export function boardCommand(deps: PacerDeps) {
  return slashCommand(deps, 'board', async ({ actor, tr, command, reply }) => {
    const parsed = parseBoardCommand(command.text);
    if (parsed.action === 'help') {
      await reply(buildHelp(tr, 'board', []));
      return;
    }
    if (parsed.action === 'contest') {
      await reply(await deps.contests.standingReply(actor, tr, parsed.name));
      return;
    }
    const types = await deps.activityTypes.forWorkspace(actor.teamId);
    const today = localDate(deps.clock.now(), actor.timeZone);
    let metric = parsed.metric;
    let since: string | null = null;
    if (parsed.window.kind === 'since') {
      const words = parsed.window.words;
      const read = readDateWords(words, { today, direction: 'past' });
      if (!read) throw new PacerError('board_window', { given: `since ${words.join(' ')}` });
      const rest = words.slice(read.used);
      // "since 1 feb calls": the date reader leaves the metric it took in.
      if (rest.length === 1 && metric === null) metric = rest[0] ?? null;
      else if (rest.length > 0) throw new PacerError('board_window', { given: rest.join(' ') });
      if (read.date > today) throw new PacerError('board_since_future', { date: tr.date(read.date) });
      if (Number(today.slice(0, 4)) - Number(read.date.slice(0, 4)) > maxSinceYears) throw new PacerError('board_since_too_old', { years: maxSinceYears });
      since = read.date;
    }
    const ranking: Ranking | null = metric === null ? null : readRanking(metric, types);
    const team = parsed.team === null ? null : await deps.leaderboard.teamNamed(actor.teamId, parsed.team);
    const request: BoardRequest = { window: parsed.window.kind, since, ranking, salesTeamId: team?.id ?? null };
    const board = await deps.leaderboard.view(actor, request, types);
    await reply(buildBoard(tr, board, { audience: 'reply', title: boardTitle(tr, board, request), subtitle: boardSubtitle(tr, board), shareValue: encodeBoardRequest(request) }));
  });
}

export function boardTitle(tr: Translator, board: Board, request: Pick<BoardRequest, 'window'>): string {
  const vars = { from: tr.date(board.from), to: tr.date(board.to) };
  return request.window === 'week' ? tr.t('board.titleWeek', vars) : tr.t('board.titleSince', vars);
}

export function boardSubtitle(tr: Translator, board: Board, sharedBy?: Member): string {
  const whose = board.team ? tr.t('board.subtitleTeam', { team: board.team.name }) : tr.t('board.subtitleWorkspace');
  return sharedBy ? `${whose} · ${tr.t('board.shared', { by: sharedBy.userId })}` : whose;
}
