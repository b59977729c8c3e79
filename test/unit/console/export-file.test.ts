import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveExport } from '../../../src/console/export-file.js';

describe('an export the console saves', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'pacer-export-'));
  });
  afterEach(() => rm(cwd, { recursive: true, force: true }));

  const csv = (rows: number) =>
    ['type,count,note', ...Array.from({ length: rows }, (_, i) => `call,${i + 1},note ${i + 1}`)].join('\n') + '\n';

  it('is written under the folder by its name, shown as a path from the working folder', async () => {
    const saved = saveExport(join(cwd, 'exports'), 'activities.csv', Buffer.from(csv(2)), 5, cwd);
    expect(saved).toEqual({ path: join('exports', 'activities.csv'), preview: ['type,count,note', 'call,1,note 1', 'call,2,note 2'], rows: 2 });
    expect(await readFile(join(cwd, 'exports', 'activities.csv'), 'utf8')).toBe(csv(2));
  });

  it('shows the header and the first five rows, and counts them all', () => {
    const saved = saveExport(join(cwd, 'exports'), 'activities.csv', Buffer.from(csv(12)), 5, cwd);
    expect(saved.preview).toHaveLength(6);
    expect(saved.preview.at(-1)).toBe('call,5,note 5');
    expect(saved.rows).toBe(12);
  });

  it('keeps a row whose note holds a line break whole', () => {
    const saved = saveExport(join(cwd, 'exports'), 'a.csv', Buffer.from('type,note\ncall,"two\nlines"\nemail,x\n'), 5, cwd);
    expect(saved.preview).toEqual(['type,note', 'call,"two\nlines"', 'email,x']);
    expect(saved.rows).toBe(2);
  });

  it('stays inside the folder whatever the name says', () => {
    const saved = saveExport(join(cwd, 'exports'), '../../escape.csv', Buffer.from(csv(1)), 5, cwd);
    expect(saved.path).toBe(join('exports', 'escape.csv'));
  });
});
