/**
 * `work` over every item, at most `limit` at a time, results in the items' order: for a command
 * that names many people, quick without a burst of Slack calls that meets its rate limits.
 * The first failure rejects; items not yet started are then not started.
 */
export async function mapBounded<Item, Result>(items: readonly Item[], limit: number, work: (item: Item) => Promise<Result>): Promise<Result[]> {
  const results = new Array<Result>(items.length);
  // The workers share one iterator, so each item is taken once.
  const queue = items.entries();
  let failed = false;
  const worker = async () => {
    for (const [at, item] of queue) {
      if (failed) return;
      try {
        results[at] = await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
