import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../../src/slack/bounded.js';

describe('mapBounded', () => {
  it('runs at most `limit` at a time and keeps the items’ order', async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([30, 5, 20, 1, 15, 10, 2, 8, 25], 4, async (ms) => {
      running += 1;
      most = Math.max(most, running);
      await sleep(ms);
      running -= 1;
      return ms * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 30, 20, 4, 16, 50]);
    expect(most).toBe(4);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    const run = mapBounded([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await sleep(5);
      if (n === 2) throw new Error('no such user');
      return n;
    });
    await expect(run).rejects.toThrow('no such user');
    await sleep(30);
    expect(started.length).toBeLessThan(6);
  });

  it('does nothing for no items', async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
  });
});
