/** A button the console numbered, so the person can press it with `:click N` (or a menu, picked with `:select N`). */
export interface ConsoleButton {
  label: string;
  actionId: string;
  value: string | undefined;
  blockId: string | undefined;
  /** Present when the button sits in a Home tab or modal rather than a message. */
  viewId?: string | undefined;
  /** Present when this is a static_select that acts as soon as an option is picked. */
  options?: { value: string; text: string }[];
}

/** What the console can read from a surface: its text, and the buttons and fields in it. */
export interface Rendered {
  lines: string[];
  buttons: ConsoleButton[];
  /** Modal inputs, by block_id, for `:submit`. */
  fields: { blockId: string; actionId: string; label: string; kind: string; options: string[] }[];
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const textOf = (value: unknown): string => (isRecord(value) ? str(value.text) : '');

/** Slack mrkdwn to terminal text: entities undone, people and channels named (`names`: id → name), emphasis kept as typed. */
export function mrkdwnToText(text: string, names: ReadonlyMap<string, string>): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => `@${names.get(id) ?? id}`)
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) => `#${label || names.get(id) || id}`)
    .replace(/:tada:/g, '🎉')
    .replace(/:warning:/g, '⚠️')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** What an input holds before anything is typed, as the person would see it. */
function initialOf(element: Json, names: ReadonlyMap<string, string>): string {
  if (element.type === 'checkboxes') {
    const chosen = records(element.initial_options).map((o) => str(o.value));
    return records(element.options).length === 1 ? (chosen.length > 0 ? 'yes' : 'no') : chosen.join(', ');
  }
  const conversation = str(element.initial_conversation);
  if (conversation) return `#${names.get(conversation) ?? conversation}`;
  return isRecord(element.initial_option) ? str(element.initial_option.value) : str(element.initial_value) || str(element.initial_date);
}

/** What `:submit` accepts for an input of this kind. */
function choicesOf(element: Json, options: readonly string[]): string {
  switch (element.type) {
    case 'static_select':
      return `one of: ${options.join(', ')}`;
    case 'checkboxes':
      return options.length === 1 ? 'yes or no' : `any of: ${options.join(', ')}`;
    case 'conversations_select':
      return '#channel';
    default:
      return str(element.type).replaceAll('_', ' ');
  }
}

/** Renders Block Kit blocks as readable text, numbering buttons (and menus that act when picked) from `firstButton`. */
export function renderBlocks(blocks: unknown, names: ReadonlyMap<string, string>, firstButton = 1, viewId?: string): Rendered {
  const out: Rendered = { lines: [], buttons: [], fields: [] };
  const addButton = (element: Json, blockId: string | undefined) => {
    const number = firstButton + out.buttons.length;
    out.buttons.push({ label: textOf(element.text), actionId: str(element.action_id), value: str(element.value) || undefined, blockId, viewId });
    return `[${number}: ${textOf(element.text)}]`;
  };
  for (const block of records(blocks)) {
    const blockId = str(block.block_id) || undefined;
    switch (block.type) {
      case 'header':
        out.lines.push('', `== ${textOf(block.text)} ==`);
        break;
      case 'section': {
        const accessory = isRecord(block.accessory) && block.accessory.type === 'button' ? `  ${addButton(block.accessory, blockId)}` : '';
        out.lines.push(mrkdwnToText(textOf(block.text), names) + accessory);
        break;
      }
      case 'context':
        out.lines.push(...records(block.elements).map((e) => `  ${mrkdwnToText(str(e.text), names)}`));
        break;
      case 'divider':
        out.lines.push('  ────────');
        break;
      case 'actions':
        out.lines.push(records(block.elements).filter((e) => e.type === 'button').map((e) => addButton(e, blockId)).join(' '));
        break;
      case 'input': {
        const element = isRecord(block.element) ? block.element : {};
        const options = records(element.options).map((o) => ({ value: str(o.value), text: textOf(o.text) }));
        const label = textOf(block.label);
        const actionId = str(element.action_id);
        out.fields.push({ blockId: str(block.block_id), actionId, label, kind: str(element.type), options: options.map((o) => o.value) });
        // Slack's dispatch_action: picking sends a block action at once, so the menu is numbered like a button.
        // Its options are shown by text, as their values may be ids.
        if (block.dispatch_action === true && element.type === 'static_select') {
          const number = firstButton + out.buttons.length;
          out.buttons.push({ label, actionId, value: undefined, blockId, viewId, options });
          const current = isRecord(element.initial_option) ? textOf(element.initial_option.text) : '';
          out.lines.push(`  ${label}: ${current}  [${number}: pick one of ${options.map((o) => o.text).join(', ')}]`);
          break;
        }
        const initial = initialOf(element, names);
        out.lines.push(`  ${actionId}${block.optional ? '' : '*'} — ${label} (${choicesOf(element, options.map((o) => o.value))})${initial ? `: ${initial}` : ''}`);
        break;
      }
    }
  }
  return out;
}
