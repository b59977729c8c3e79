import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { limits } from '../../../blocks/text.js';
import { catalogues } from '../../../src/i18n/index.js';

/**
 * Block Kit limits hold in every language, German included: a text the builders put where Slack
 * allows only so many characters (a modal's title and buttons, a button, an option, a header) fits
 * there in every catalogue, rather than being cut short by the builder. Placeholders count as five
 * characters (a count up to 99,999 or a short name).
 */
const blocksFolder = new URL('../../../blocks/', import.meta.url);
const placed = readdirSync(blocksFolder)
  .filter((file) => file.endsWith('.ts'))
  .flatMap((file) => [...readFileSync(new URL(file, blocksFolder), 'utf8').matchAll(/plain\(tr\.t\('([\w.]+)'[^)]*\),\s*limits\.(\w+)\)/g)])
  .map(([, key = '', limit = '']) => ({ key, limit: limit as keyof typeof limits }));

function textsOf(catalogue: object, key: string): string[] {
  const [section, ...rest] = key.split('.');
  let node: unknown = catalogue;
  for (const part of [section, ...rest.slice(0, -1)]) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part ?? ''] : undefined;
  const last = rest.at(-1) ?? '';
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([name, text]) => ((name === last || name.startsWith(`${last}_`)) && typeof text === 'string' ? [text] : []));
}

describe('catalogue texts within Block Kit limits', () => {
  it('finds the texts the builders place under a limit', () => {
    expect(placed.length).toBeGreaterThan(40);
    expect(placed.filter(({ key }) => textsOf(catalogues.en, key).length === 0)).toEqual([]);
  });

  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])('%s', (language) => {
    const tooLong = placed.flatMap(({ key, limit }) =>
      textsOf(catalogues[language], key)
        .map((text) => text.replace(/\{\{-?\s*[\w.]+\s*\}\}/g, '12345'))
        .filter((text) => text.length > limits[limit])
        .map((text) => `${key} (${limit} ${limits[limit]}): “${text}” is ${text.length}`),
    );
    expect(tooLong).toEqual([]);
  });
});
