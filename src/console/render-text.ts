/** A button the console numbered, so the person can press it with `:click N`. */
export interface ConsoleButton {
  label: string;
  actionId: string;
  value: string | undefined;
  blockId: string | undefined;
  /** Present when the button sits in a Home tab or modal rather than a message. */
  viewId?: string | undefined;
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

/** Renders Block Kit blocks as readable text, numbering buttons from `firstButton`. */
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
        const options = records(element.options).map((o) => str(o.value));
        const label = textOf(block.label);
        out.fields.push({ blockId: str(block.block_id), actionId: str(element.action_id), label, kind: str(element.type), options });
        const choices = options.length > 0 ? ` one of: ${options.join(', ')}` : ` (${str(element.type).replace('_', ' ')})`;
        out.lines.push(`  ${str(block.block_id)}${block.optional ? '' : '*'} — ${label}:${choices}`);
        break;
      }
    }
  }
  return out;
}
