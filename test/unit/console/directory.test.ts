import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directoryPath, readDirectory, writeDirectory } from '../../../src/console/directory.js';

describe('where the console keeps its names', () => {
  it.each([
    ['an embedded folder', { kind: 'pglite', folder: './data' } as const, join('./data', 'pacer-console.json')],
    ['PostgreSQL, beside it in the working folder', { kind: 'postgres', url: 'postgresql://h/db' } as const, join('/work', 'pacer-console.json')],
    ['nowhere for an in-memory database', { kind: 'pglite', folder: null } as const, undefined],
  ])('%s', (_, location, path) => {
    expect(directoryPath(location, '/work')).toBe(path);
  });
});

describe('the console directory file', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pacer-directory-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('reads back what was written', async () => {
    const path = join(folder, 'pacer-console.json');
    const directory = { people: { bob: { id: 'UBOB000', tz: 'America/New_York', admin: false } }, channels: { CSALESEAST: 'sales-east' } };
    writeDirectory(path, directory);
    expect(readDirectory(path)).toEqual(directory);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(directory);
  });

  it.each([
    ['no file yet', undefined],
    ['a file that is not JSON', '{"people": '],
    ['a file of another shape', '[1, 2]'],
  ])('starts empty from %s', async (_, text) => {
    const path = join(folder, 'pacer-console.json');
    if (text !== undefined) await writeFile(path, text);
    expect(readDirectory(path)).toEqual({ people: {}, channels: {} });
  });

  it('keeps the channels when the people are unreadable, and the reverse', async () => {
    const path = join(folder, 'pacer-console.json');
    await writeFile(path, JSON.stringify({ people: { bob: { id: 'UBOB000' } }, channels: { CEAST: 'east' } }));
    expect(readDirectory(path)).toEqual({ people: {}, channels: { CEAST: 'east' } });
  });

  it('writes nothing for an in-memory database', () => {
    expect(() => writeDirectory(undefined, { people: {}, channels: {} })).not.toThrow();
    expect(readDirectory(undefined)).toEqual({ people: {}, channels: {} });
  });
});
