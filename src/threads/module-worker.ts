import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running one of Pacer's modules, named by its compiled `.js` beside the caller and
 * its `.ts` source. Compiled, the entry is the .js. From sources (tsx, vitest) it is the .ts: Node
 * loads a worker's entry itself, and neither tsx's `.js`→`.ts` mapping nor vitest's transform
 * reaches it (Node 20: "Cannot find module …"), so the thread registers tsx's loader first and then
 * imports the entry.
 */
export function spawnModuleWorker(entry: { compiled: URL; source: URL }, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (existsSync(fileURLToPath(entry.compiled))) return new Worker(entry.compiled, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.source.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
