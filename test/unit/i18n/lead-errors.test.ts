import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/locales/en.js';

/** Every file behind /lead that throws coded errors; each code needs a text the person reads. */
const sources = [
  'src/domain/lead-command.ts',
  'src/domain/lead-names.ts',
  'src/domain/lead-touch.ts',
  'src/domain/date-words.ts',
  'src/services/lead-book.ts',
  'src/store/lead-store.ts',
  'src/slack/lead-form.ts',
  'src/slack/listeners/commands/lead.ts',
];

describe('/lead errors', () => {
  it('every code thrown has an English text', async () => {
    const codes = new Set<string>();
    for (const source of sources) {
      const text = await readFile(new URL(`../../../${source}`, import.meta.url), 'utf8');
      for (const m of text.matchAll(/PacerError\(\s*'([a-z_]+)'/g)) codes.add(m[1] ?? '');
      // lead-book picks between two codes: `lead.stage === 'won' ? 'lead_already_won' : 'lead_already_lost'`.
      for (const m of text.matchAll(/'(lead_already_[a-z]+)'/g)) codes.add(m[1] ?? '');
    }
    expect(codes.size).toBeGreaterThan(30);
    expect([...codes].filter((code) => !Object.hasOwn(en.errors, code))).toEqual([]);
  });
});
