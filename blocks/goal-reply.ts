import type { KnownBlock } from '@slack/types';
import { goalVersion, type Goal } from '../src/domain/goals.js';
import type { Translator } from '../src/i18n/index.js';
import type { GoalChange, GoalList, GoalRemoval, GoalUndo } from '../src/services/goal-book.js';
import type { EstimateRule } from '../src/services/quota-estimates.js';
import type { GoalStanding } from '../src/services/standings.js';
import { encodeGoalUndo } from '../src/slack/button-values.js';
import { ids } from '../src/slack/ids.js';
import { amountOf, goalSummary, ownerPhrase, standingLine } from './goal-text.js';
import { context, limits, plain, progressBar, section, type SlackMessage } from './text.js';

/** The answer to setting a goal: what is now tracked, where it stands, and Undo (unless nothing changed). */
export function buildGoalSetReply(tr: Translator, change: GoalChange, readerId: string): SlackMessage {
  const { goal } = change.standing;
  const owner = ownerPhrase(tr, change.owner, readerId);
  const vars = {
    goal: goalSummary(tr, goal),
    owner: owner ?? '',
    previous: change.before ? amountOf(tr, goal.metric, change.before.target) : '',
  };
  const key = `goal.${change.unchanged ? 'unchanged' : change.before ? 'updated' : 'set'}${owner ? 'For' : ''}`;
  const headline = tr.t(key, vars);
  if (change.unchanged) return { text: headline, blocks: [section(headline), section(standingLine(tr, change.standing))] };
  const undo = { kind: 'change', goalId: goal.id, before: change.before, version: goalVersion(goal) } as const;
  return {
    text: headline,
    blocks: [
      section(headline),
      ...(goal.note ? [context(tr.t('goal.noteLine', { note: goal.note }))] : []),
      section(standingLine(tr, change.standing)),
      ...(change.detached ? [context(tr.t('goal.detached'))] : []),
      ...(change.derived ? [context(derivedRule(tr, change.derived.rule)), section(standingLine(tr, change.derived.standing))] : []),
      undoButton(tr, undo),
    ],
  };
}

/** "With this quota goes an estimates goal (4 estimates per unit of quota, team East’s rule)". */
function derivedRule(tr: Translator, rule: EstimateRule): string {
  const perUnit = tr.number(rule.perUnit, 2);
  return rule.teamName === null ? tr.t('goal.derivedStandard', { perUnit }) : tr.t('goal.derived', { perUnit, name: rule.teamName });
}

function undoButton(tr: Translator, undo: GoalUndo): KnownBlock {
  return {
    type: 'actions',
    elements: [{ type: 'button', action_id: ids.actions.undoGoal, text: plain(tr.t('goal.undo'), limits.buttonText), value: encodeGoalUndo(undo) }],
  };
}

/** Told to a rep when someone else sets their goal (and the estimate goal a quota brings). */
export function buildGoalNotice(tr: Translator, goal: Goal, derived: Goal | null): SlackMessage {
  const text = tr.t('goal.notifyOwner', { by: goal.setBy, goal: goalSummary(tr, goal) });
  const more = derived ? `\n${tr.t('goal.notifyDerived', { goal: goalSummary(tr, derived) })}` : '';
  return { text, blocks: [section(text + more)] };
}

/** One goal as a section: standing line, bar, and a Remove button unless it follows a quota. */
export function goalStandingBlock(tr: Translator, standing: GoalStanding, removable: boolean): KnownBlock {
  const { goal, pace } = standing;
  const bar = `${progressBar(pace.target > 0 ? pace.actual / pace.target : 0)} ${tr.number(
    pace.target > 0 ? Math.min(999, (pace.actual / pace.target) * 100) : 0,
  )}%`;
  const note = goal.note ? `\n${tr.t('goal.noteLine', { note: goal.note })}` : '';
  const follows = goal.derivedFromId !== null ? ` · _${tr.t('goal.followsQuota')}_` : '';
  return {
    type: 'section',
    block_id: `goal_${goal.id}`,
    text: { type: 'mrkdwn', text: `${standingLine(tr, standing)}\n${bar}${follows}${note}`.slice(0, limits.sectionText) },
    ...(removable && goal.derivedFromId === null
      ? {
          accessory: {
            type: 'button',
            action_id: ids.actions.removeGoal,
            text: plain(tr.t('goal.remove'), limits.buttonText),
            value: goal.id,
            confirm: {
              title: plain(tr.t('goal.removeConfirmTitle'), 100),
              text: plain(tr.t('goal.removeConfirmText', { goal: goalSummary(tr, goal) }), 300),
              confirm: plain(tr.t('goal.removeConfirmYes'), 30),
              deny: plain(tr.t('goal.removeConfirmNo'), 30),
            },
          },
        }
      : {}),
  };
}

/**
 * `/goal list`: every goal with its bar and pace, as many as one message holds
 * (50 blocks, and Slack's msg_blocks_too_long past roughly 13k characters); the rest are counted.
 * Redrawn after its Remove button, it first says what was removed, with Undo.
 */
export function buildGoalList(
  tr: Translator,
  list: Pick<GoalList, 'standings' | 'owner'>,
  readerId: string,
  removal: GoalRemoval | null = null,
): SlackMessage {
  const { standings } = list;
  const owner = ownerPhrase(tr, list.owner, readerId);
  const title = owner ? tr.t('goal.listTitleFor', { owner }) : tr.t('goal.listTitle');
  const removed = removal && buildGoalRemoved(tr, removal);
  const head = [...(removed?.blocks ?? []), section(`*${title}*`)];
  if (standings.length === 0) {
    const empty = tr.t('goal.listEmpty');
    return { text: removed?.text ?? empty, blocks: [...head, section(empty)] };
  }
  const blocks: KnownBlock[] = [...head];
  let size = JSON.stringify(blocks).length;
  let shown = 0;
  for (const standing of standings) {
    const block = goalStandingBlock(tr, standing, true);
    size += JSON.stringify(block).length + 1;
    if (blocks.length >= limits.messageBlocks - 1 || size > limits.messageCharacters) break;
    blocks.push(block);
    shown += 1;
  }
  const more = standings.length - shown;
  if (more > 0) blocks.push(context(tr.t('goal.listMore', { count: more })));
  return { text: removed?.text ?? title, blocks };
}

/** A removed goal, the estimate goal that went with it, and Undo, which brings both back. */
export function buildGoalRemoved(tr: Translator, removal: GoalRemoval): SlackMessage {
  const { goal, derived } = removal;
  const text = tr.t('goal.removed', { goal: goalSummary(tr, goal) });
  const { id: _id, ...removed } = goal;
  return {
    text,
    blocks: [
      section(text),
      ...(derived ? [context(tr.t('goal.removedDerived', { goal: goalSummary(tr, derived) }))] : []),
      undoButton(tr, { kind: 'removal', goal: removed }),
    ],
  };
}

export function buildGoalUndone(tr: Translator, undo: GoalUndo, goal: Goal): SlackMessage {
  const text =
    undo.kind === 'removal' ? tr.t('goal.restoredRemoved', { goal: goalSummary(tr, goal) })
    : tr.t(undo.before ? 'goal.restored' : 'goal.undoneNew');
  return { text, blocks: [section(text)] };
}
