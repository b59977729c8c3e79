import { randomBytes, timingSafeEqual } from 'node:crypto';
import { rmSync, writeFileSync, renameSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Scheduler } from './scheduler.js';

/**
 * While the bot holds an embedded data folder, `npm run job` and `npm run schedule` must not open
 * it a second time (PGlite does not lock it; two writers lose data). They ask the bot instead,
 * over loopback, with a secret only processes that can read the folder know.
 */
const adminFile = 'pacer-admin.json';

export const adminFileSchema = z.object({ pid: z.number().int(), port: z.number().int(), secret: z.string().min(32) });
export type AdminAddress = z.infer<typeof adminFileSchema>;

const runRequest = z.object({ name: z.string().max(50), now: z.iso.datetime({ offset: true }).optional() });
const scheduleRequest = z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }), job: z.string().max(50).optional() });

export function readAdminAddress(folder: string): AdminAddress | null {
  try {
    return adminFileSchema.safeParse(JSON.parse(readFileSync(join(folder, adminFile), 'utf8'))).data ?? null;
  } catch {
    return null;
  }
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

/** Serves `POST /jobs/run` and `POST /schedule` on 127.0.0.1 for this process's scheduler; close() removes its file. */
export async function startAdminEndpoint(scheduler: Scheduler, folder: string, clock: Clock): Promise<{ close(): Promise<void> }> {
  const secret = randomBytes(32).toString('hex');
  const expected = Buffer.from(`Bearer ${secret}`);
  const server: Server = createServer((req, res) => {
    const reply = (status: number, payload: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply(401, { error: 'unauthorized' });
    void (async () => {
      try {
        const payload = await body(req);
        if (req.method === 'POST' && req.url === '/jobs/run') {
          const request = runRequest.parse(payload);
          if (!scheduler.jobNames.includes(request.name)) return reply(404, { error: `No job called "${request.name}". Jobs: ${scheduler.jobNames.join(', ')}` });
          return reply(200, await scheduler.runJob(request.name, request.now ? new Date(request.now) : clock.now()));
        }
        if (req.method === 'POST' && req.url === '/schedule') {
          const request = scheduleRequest.parse(payload);
          return reply(200, await scheduler.runsBetween(new Date(request.from), new Date(request.to), request.job));
        }
        return reply(404, { error: 'not found' });
      } catch (error) {
        return reply(400, { error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AdminAddress = { pid: process.pid, port: (server.address() as AddressInfo).port, secret };
  const path = join(folder, adminFile);
  writeFileSync(`${path}.tmp`, JSON.stringify(address), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  server.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        if (readAdminAddress(folder)?.pid === process.pid) rmSync(path, { force: true });
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
