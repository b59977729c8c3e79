import type { ViewStateSelectedOption, ViewStateValue } from '@slack/bolt';
import { z } from 'zod';

const option = z.object({ text: z.object({ type: z.literal('plain_text'), text: z.string() }), value: z.string() });

const inputBlock = z.object({
  type: z.literal('input'),
  block_id: z.string(),
  element: z.looseObject({
    type: z.string(),
    action_id: z.string(),
    options: z.array(option).optional(),
    initial_value: z.string().optional(),
    initial_date: z.string().optional(),
    initial_conversation: z.string().optional(),
    initial_option: option.optional(),
    initial_options: z.array(option).optional(),
  }),
});

type InputElement = z.infer<typeof inputBlock>['element'];

/** The option whose value, else whose text (any case), is `name`; an unknown name is sent as typed, as a forged request would. */
function optionNamed(element: InputElement, name: string): ViewStateSelectedOption {
  const options = element.options ?? [];
  return (
    options.find((o) => o.value === name) ??
    options.find((o) => o.text.text.toLowerCase() === name.toLowerCase()) ?? { text: { type: 'plain_text', text: name }, value: name }
  );
}

function stateOf(element: InputElement, typed: string | null | undefined): ViewStateValue {
  const { type } = element;
  const given = typed !== undefined;
  switch (type) {
    case 'static_select':
      return { type, selected_option: given ? (typed ? optionNamed(element, typed) : null) : (element.initial_option ?? null) };
    case 'checkboxes': {
      if (!given) return { type, selected_options: element.initial_options ?? [] };
      if (typed === 'yes') return { type, selected_options: element.options ?? [] };
      const names = typed === null || typed === 'no' ? [] : typed.split(',').map((name) => name.trim()).filter((name) => name !== '');
      return { type, selected_options: names.map((name) => optionNamed(element, name)) };
    }
    case 'conversations_select':
      return { type, selected_conversation: given ? typed : (element.initial_conversation ?? null) };
    case 'datepicker':
      return { type, selected_date: given ? typed : (element.initial_date ?? null) };
    default:
      return { type, value: given ? typed : (element.initial_value ?? null) };
  }
}

/**
 * `view.state.values` as Slack sends them when a view is submitted: every input holds its
 * initial value unless `typed` (by action_id) says what the person entered; null empties it.
 * A select takes an option's value or text; checkboxes take option values comma-separated,
 * or `yes` / `no` for all or none.
 */
export function submittedState(view: unknown, typed: Readonly<Record<string, string | null>> = {}): Record<string, Record<string, ViewStateValue>> {
  const { blocks } = z.object({ blocks: z.array(z.unknown()) }).parse(view);
  return Object.fromEntries(
    blocks.flatMap((raw) => {
      const block = inputBlock.safeParse(raw);
      if (!block.success) return [];
      const { element } = block.data;
      const value = Object.hasOwn(typed, element.action_id) ? (typed[element.action_id] ?? null) : undefined;
      return [[block.data.block_id, { [element.action_id]: stateOf(element, value) }]];
    }),
  );
}
