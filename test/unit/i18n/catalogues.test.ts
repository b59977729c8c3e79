import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/locales/en.js';

/**
 * Every catalogue beside English holds the same texts with the same placeholders: a missing key
 * shows English in the middle of a Russian reply, an extra one is dead, and a placeholder that
 * differs leaves `{{count}}` on the screen. Plural texts carry exactly the forms the language's
 * own plural rules ask for (Russian and Polish: one, few, many, other).
 */
const localesFolder = new URL('../../../src/i18n/locales/', import.meta.url);
const languages = readdirSync(localesFolder).flatMap((file) => /^([a-z]{2})\.ts$/.exec(file)?.[1] ?? []).filter((language) => language !== 'en');

type Texts = Map<string, string>;
const pluralForm = /_(zero|one|two|few|many|other)$/;

function flatten(node: unknown, prefix = '', into: Texts = new Map()): Texts {
  if (typeof node === 'string') into.set(prefix, node);
  else if (node !== null && typeof node === 'object') for (const [key, value] of Object.entries(node)) flatten(value, prefix === '' ? key : `${prefix}.${key}`, into);
  return into;
}

/** Texts by key without its plural form, each with the forms it has and the placeholders all of them use. */
function byBase(texts: Texts): Map<string, { forms: Set<string>; placeholders: Set<string> }> {
  const bases = new Map<string, { forms: Set<string>; placeholders: Set<string> }>();
  for (const [key, text] of texts) {
    // `import_too_many` is a key of its own; `x_many` is a plural form only beside an `x_other`.
    const suffix = pluralForm.exec(key)?.[1];
    const form = suffix !== undefined && texts.has(`${key.slice(0, -suffix.length - 1)}_other`) ? suffix : undefined;
    const base = form === undefined ? key : key.slice(0, -form.length - 1);
    const entry = bases.get(base) ?? { forms: new Set<string>(), placeholders: new Set<string>() };
    if (form !== undefined) entry.forms.add(form);
    for (const match of text.matchAll(/\{\{-?\s*([\w.]+)\s*\}\}/g)) entry.placeholders.add(match[1] ?? '');
    bases.set(base, entry);
  }
  return bases;
}

const english = byBase(flatten(en));

describe('catalogues', () => {
  it('English has texts to compare with', () => {
    expect(english.size).toBeGreaterThan(500);
  });

  describe.each(languages)('%s', (language) => {
    async function catalogue() {
      const module: Record<string, unknown> = await import(new URL(`${language}.ts`, localesFolder).href);
      return byBase(flatten(module[language]));
    }

    it('has every English text and no other', async () => {
      const texts = await catalogue();
      expect([...english.keys()].filter((key) => !texts.has(key)), 'missing').toEqual([]);
      expect([...texts.keys()].filter((key) => !english.has(key)), 'extra').toEqual([]);
    });

    it('uses the same placeholders as English', async () => {
      const texts = await catalogue();
      const differing = [...english].flatMap(([key, { placeholders }]) => {
        const theirs = texts.get(key)?.placeholders;
        return theirs && [...placeholders].sort().join() !== [...theirs].sort().join() ? [`${key}: ${[...placeholders].join()} ≠ ${[...theirs].join()}`] : [];
      });
      expect(differing).toEqual([]);
    });

    it('gives each plural text the forms the language’s plural rules use', async () => {
      const texts = await catalogue();
      const wanted = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort().join();
      const wrong = [...english].flatMap(([key, { forms }]) => {
        const theirs = texts.get(key)?.forms;
        return forms.size > 0 && theirs && [...theirs].sort().join() !== wanted ? [`${key}: ${[...theirs].sort().join()}`] : [];
      });
      expect(wrong, `plural forms should be ${wanted}`).toEqual([]);
    });
  });
});
