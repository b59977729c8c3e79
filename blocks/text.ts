import type { InputBlock, KnownBlock, MrkdwnElement, PlainTextElement, PlainTextOption } from '@slack/types';

/** A message as Slack takes it: `text` is the notification fallback for `blocks`. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Block Kit limits Pacer's builders keep to (https://docs.slack.dev/reference/block-kit/blocks). */
export const limits = {
  sectionText: 3000,
  contextElementText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  headerText: 150,
  optionText: 75,
  selectOptions: 100,
  modalTitle: 24,
  placeholder: 150,
  messageBlocks: 50,
  /** Slack answers msg_blocks_too_long past roughly 13k characters of blocks; keep a margin. */
  messageCharacters: 12_000,
  surfaceBlocks: 100,
} as const;

/** Cuts text to a Block Kit limit, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function mrkdwn(text: string, max: number = limits.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: clip(text, max) };
}

export function plain(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

export function section(text: string): KnownBlock {
  return { type: 'section', text: mrkdwn(text) };
}

export function context(...texts: string[]): KnownBlock {
  return { type: 'context', elements: texts.slice(0, 10).map((t) => mrkdwn(t, limits.contextElementText)) };
}

/** A ten-cell bar for a share between 0 and 1 (more than 1 shows full). */
export function progressBar(share: number): string {
  const filled = Math.max(0, Math.min(10, Math.round(share * 10)));
  return `${'▰'.repeat(filled)}${'▱'.repeat(10 - filled)}`;
}

export function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** A form's text field; optional unless said, with a hint, a placeholder or a value to start with. */
export function textField(
  field: { block: string; action: string },
  label: string,
  options: { maxLength: number; optional?: boolean; hint?: string; placeholder?: string; initial?: string },
): InputBlock {
  return {
    type: 'input',
    block_id: field.block,
    optional: options.optional ?? false,
    label: plain(label, 2000),
    ...(options.hint ? { hint: plain(options.hint, 2000) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: field.action,
      max_length: options.maxLength,
      ...(options.placeholder ? { placeholder: plain(options.placeholder, limits.placeholder) } : {}),
      ...(options.initial ? { initial_value: options.initial } : {}),
    },
  };
}

/** One choice of a static select. */
export function selectOption(text: string, value: string): PlainTextOption {
  return { text: plain(text, limits.optionText), value };
}

/** A form's static select, with the option whose value is `initial` chosen (none when no option has it). */
export function selectField(
  field: { block: string; action: string },
  label: string,
  options: { choices: PlainTextOption[]; placeholder: string; initial: string | null },
): InputBlock {
  const chosen = options.choices.find((o) => o.value === options.initial);
  return {
    type: 'input',
    block_id: field.block,
    label: plain(label, 2000),
    element: {
      type: 'static_select',
      action_id: field.action,
      placeholder: plain(options.placeholder, limits.placeholder),
      options: options.choices,
      ...(chosen ? { initial_option: chosen } : {}),
    },
  };
}
