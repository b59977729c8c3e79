import type { ViewStateValue } from '@slack/bolt';
import { z } from 'zod';

const inputBlock = z.object({
  type: z.literal('input'),
  block_id: z.string(),
  element: z.looseObject({
    type: z.string(),
    action_id: z.string(),
    initial_value: z.string().optional(),
    initial_conversation: z.string().optional(),
    initial_option: z.object({ value: z.string() }).optional(),
  }),
});

function stateOf(type: string, value: string | null): ViewStateValue {
  switch (type) {
    case 'static_select':
      return { type, selected_option: value === null ? null : { text: { type: 'plain_text', text: value }, value } };
    case 'conversations_select':
      return { type, selected_conversation: value };
    case 'datepicker':
      return { type, selected_date: value };
    default:
      return { type, value };
  }
}

/**
 * `view.state.values` as Slack sends them when a view is submitted: every input holds its
 * initial value unless `typed` (by action_id) says what the person entered; null empties it.
 */
export function submittedState(view: unknown, typed: Record<string, string | null> = {}): Record<string, Record<string, ViewStateValue>> {
  const { blocks } = z.object({ blocks: z.array(z.unknown()) }).parse(view);
  return Object.fromEntries(
    blocks.flatMap((raw) => {
      const block = inputBlock.safeParse(raw);
      if (!block.success) return [];
      const { element } = block.data;
      const initial = element.initial_conversation ?? element.initial_option?.value ?? element.initial_value ?? null;
      const value = element.action_id in typed ? (typed[element.action_id] ?? null) : initial;
      return [[block.data.block_id, { [element.action_id]: stateOf(element.type, value) }]];
    }),
  );
}
