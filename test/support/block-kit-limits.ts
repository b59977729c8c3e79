import type { HomeView, KnownBlock, ModalView } from '@slack/types';
import { translator, type Translator } from '../../src/i18n/index.js';

type Surface = { blocks: KnownBlock[] } | ModalView | HomeView;

export const everyLanguage = ['en-US', 'ru-RU', 'pl-PL', 'de-DE'] as const;

/** German runs long: a surface within the limits in English may break them in another language. */
export function violationsInEveryLanguage(
  build: (tr: Translator) => Surface | readonly Surface[],
  options: { types?: Parameters<typeof translator>[1]; currency?: string | null } = {},
): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const locale of everyLanguage) {
    const built = build(translator(locale, options.types, options.currency === undefined ? 'EUR' : options.currency));
    const surfaces = [built].flat();
    const problems = surfaces.flatMap((surface, i) => blockKitViolations(surface).map((p) => (surfaces.length > 1 ? `#${i}: ${p}` : p)));
    if (problems.length > 0) found[locale] = problems;
  }
  return found;
}

/**
 * Slack rejects a surface past these limits, and no official schema states them
 * (see TOOLCHAIN.md, "Block Kit limits"). Returns every violation found, as readable paths.
 */
export function blockKitViolations(surface: Surface): string[] {
  const problems: string[] = [];
  const isView = 'type' in surface && (surface.type === 'modal' || surface.type === 'home');
  const maxBlocks = isView ? 100 : 50;
  if (surface.blocks.length > maxBlocks) problems.push(`${surface.blocks.length} blocks > ${maxBlocks}`);
  if (!isView && JSON.stringify(surface.blocks).length > 13_000) problems.push('blocks longer than ~13k characters');
  if (isView && surface.type === 'modal') {
    for (const key of ['title', 'submit', 'close'] as const) {
      const text = surface[key]?.text ?? '';
      if (text.length > 24) problems.push(`modal ${key} "${text}" > 24`);
    }
    if ((surface.private_metadata ?? '').length > 3000) problems.push('private_metadata > 3000');
    if (surface.callback_id && surface.callback_id.length > 255) problems.push('callback_id > 255');
  }
  const blockIds = new Set<string>();
  // Views type their blocks as KnownBlock | Block; Pacer only builds known ones.
  (surface.blocks as KnownBlock[]).forEach((block, i) => {
    const at = `blocks[${i}] (${block.type})`;
    if (block.block_id) {
      if (block.block_id.length > 255) problems.push(`${at} block_id > 255`);
      if (blockIds.has(block.block_id)) problems.push(`${at} duplicate block_id ${block.block_id}`);
      blockIds.add(block.block_id);
    }
    walk(block, at, problems);
    if (block.type === 'context' && block.elements.length > 10) problems.push(`${at} > 10 elements`);
    if (block.type === 'actions' && block.elements.length > 25) problems.push(`${at} > 25 elements`);
    if (block.type === 'section' && (block.fields?.length ?? 0) > 10) problems.push(`${at} > 10 fields`);
    if (block.type === 'header' && block.text.text.length > 150) problems.push(`${at} header > 150`);
    if (block.type === 'section' && block.text && block.text.text.length > 3000) problems.push(`${at} text > 3000`);
    if (block.type === 'section' && !block.text && !block.fields) problems.push(`${at} has neither text nor fields`);
  });
  return problems;
}

const elementLimits: Record<string, Record<string, number>> = {
  button: { text: 75, value: 2000, action_id: 255, url: 3000 },
  option: { text: 75, value: 75 },
  confirm: { title: 100, text: 300, confirm: 30, deny: 30 },
  input: { label: 2000, hint: 2000 },
  any: { placeholder: 150, action_id: 255 },
};

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return undefined;
}

function walk(node: unknown, at: string, problems: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walk(child, `${at}[${i}]`, problems));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const kind = typeof record.type === 'string' && record.type in elementLimits ? record.type : undefined;
  for (const limits of [elementLimits.any, kind ? elementLimits[kind] : undefined]) {
    for (const [key, max] of Object.entries(limits ?? {})) {
      const text = textOf(record[key]);
      if (text !== undefined && text.length > max) problems.push(`${at}.${key} is ${text.length} > ${max}`);
    }
  }
  if (Array.isArray(record.options)) {
    if (record.options.length > 100) problems.push(`${at}.options > 100`);
    record.options.forEach((option: unknown, i) => {
      for (const [key, max] of Object.entries(elementLimits.option ?? {})) {
        const text = textOf((option as Record<string, unknown>)[key]);
        if (text !== undefined && text.length > max) problems.push(`${at}.options[${i}].${key} > ${max}`);
      }
    });
  }
  if (record.confirm && typeof record.confirm === 'object') {
    for (const [key, max] of Object.entries(elementLimits.confirm ?? {})) {
      const text = textOf((record.confirm as Record<string, unknown>)[key]);
      if (text !== undefined && text.length > max) problems.push(`${at}.confirm.${key} > ${max}`);
    }
  }
  for (const [key, child] of Object.entries(record)) {
    if (key !== 'confirm' && key !== 'options' && typeof child === 'object') walk(child, `${at}.${key}`, problems);
  }
}
