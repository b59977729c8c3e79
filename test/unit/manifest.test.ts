import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { botScopes } from '../../src/app.js';

/** The `- item` entries of a block list right under `key:` (manifest.yml has no anchors or flow lists). */
function listUnder(yaml: string, key: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  if (start < 0) throw new Error(`manifest.yml has no ${key}:`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+- ([\w:.-]+)/.exec(line);
    if (!item) break;
    items.push(item[1] ?? '');
  }
  return items;
}

describe('manifest.yml and the OAuth install agree', () => {
  it('/slack/install asks for exactly the bot scopes of the manifest', async () => {
    const manifest = await readFile(new URL('../../manifest.yml', import.meta.url), 'utf8');
    expect(listUnder(manifest, 'bot')).toEqual([...botScopes]);
  });

  it('may post kudos and boards in a public channel Pacer was not invited to', () => {
    expect(botScopes).toContain('chat:write.public');
  });

  it('subscribes to the events that forget an uninstalled workspace', async () => {
    const manifest = await readFile(new URL('../../manifest.yml', import.meta.url), 'utf8');
    expect(listUnder(manifest, 'bot_events')).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked']));
  });
});

describe('manifest.yml and the listeners agree', () => {
  it('declares exactly the slash commands Pacer listens to, each escaped', async () => {
    const manifest = await readFile(new URL('../../manifest.yml', import.meta.url), 'utf8');
    const router = await readFile(new URL('../../src/slack/listeners/commands/index.ts', import.meta.url), 'utf8');
    const declared = [...manifest.matchAll(/- command: (\/\w+)/g)].map((m) => m[1]);
    const handled = [...router.matchAll(/app\.command\('(\/\w+)'/g)].map((m) => m[1]);
    expect(declared.sort()).toEqual(handled.sort());
    expect(manifest.match(/should_escape: true/g)).toHaveLength(declared.length);
  });
});
