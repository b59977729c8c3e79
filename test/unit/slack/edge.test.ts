import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackEdge, type SlackEdge } from '../../../src/slack/edge.js';
import { createSlackSender, type SlackSender } from '../../../src/stand-in/signed-requests.js';

const signingSecret = 'edge-signing-secret';

interface Handed {
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Bolt's side in Pacer's thread, played by a server on a Unix socket that answers only when told. */
function busyThread(socketPath: string) {
  const handed: Handed[] = [];
  const waiting: { res: ServerResponse; answer: (status: number, body?: string) => void }[] = [];
  const arrivals: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handed.push({ url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      waiting.push({ res, answer: (status, body) => void (res.headersSent || res.writeHead(status, { 'content-type': 'application/json' }).end(body)) });
      arrivals.shift()?.();
    });
  });
  return {
    handed,
    waiting,
    listen: () => new Promise<void>((resolve) => server.listen(socketPath, resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    /** Resolves once `count` requests have reached the thread. */
    async arrived(count: number) {
      while (handed.length < count) await new Promise<void>((resolve) => arrivals.push(resolve));
    },
  };
}

describe('the Slack edge on the main thread', () => {
  let thread: ReturnType<typeof busyThread>;
  let edge: SlackEdge;
  let send: SlackSender;
  const warnings: string[] = [];

  beforeEach(async () => {
    const socketPath = join(tmpdir(), `pacer-edge-test-${randomUUID().slice(0, 8)}.sock`);
    thread = busyThread(socketPath);
    await thread.listen();
    warnings.length = 0;
    edge = await startSlackEdge({ port: 0, signingSecret, upstream: socketPath, upstreamReady: Promise.resolve(), logger: { warn: (m) => warnings.push(m), error: (m) => warnings.push(m) } });
    send = createSlackSender({ appUrl: `http://127.0.0.1:${edge.port}/slack/events`, signingSecret });
  });

  afterEach(async () => {
    for (const { answer } of thread.waiting) answer(200);
    await edge.close(1_000);
    await thread.close();
  });

  it('acknowledges a signed slash command while the thread is still busy, then hands it on whole', async () => {
    const sent = await send.slashCommand({ teamId: 'T0EDGE', userId: 'U0ANA', command: '/log', text: 'call 5', responseUrl: 'https://hooks.example/1' });
    expect(sent.status).toBe(200);
    expect(sent.body).toBe('');
    await thread.arrived(1);
    // Nothing has answered in the thread yet: the 200 came from the edge.
    expect(thread.waiting).toHaveLength(1);
    const [handed] = thread.handed;
    expect(handed?.url).toBe('/slack/events');
    expect(new URLSearchParams(handed?.body).get('text')).toBe('call 5');
    expect(handed?.headers['x-slack-signature']).toMatch(/^v0=/);
  });

  it('acknowledges an Events API event at once', async () => {
    const sent = await send.event({ teamId: 'T0EDGE', event: { type: 'app_home_opened', user: 'U0ANA', tab: 'home' } });
    expect(sent.status).toBe(200);
    await thread.arrived(1);
    expect(JSON.parse(thread.handed[0]?.body ?? '{}')).toMatchObject({ type: 'event_callback', event: { type: 'app_home_opened' } });
  });

  it('passes a forged command through, so Bolt refuses it, and acknowledges nothing itself', async () => {
    const forger = createSlackSender({ appUrl: `http://127.0.0.1:${edge.port}/slack/events`, signingSecret: 'not-the-secret' });
    const sending = forger.slashCommand({ teamId: 'T0EDGE', userId: 'U0ANA', command: '/log', text: 'call 50', responseUrl: 'https://hooks.example/2' });
    await thread.arrived(1);
    thread.waiting[0]?.answer(401);
    expect((await sending).status).toBe(401);
  });

  it('passes a form submission through and returns the thread’s answer, field errors and all', async () => {
    const sending = send.viewSubmission({ teamId: 'T0EDGE', userId: 'U0ANA', callbackId: 'log_submit', values: {} });
    await thread.arrived(1);
    const errors = JSON.stringify({ response_action: 'errors', errors: { count: 'Enter a whole number' } });
    thread.waiting[0]?.answer(200, errors);
    const answered = await sending;
    expect(answered.status).toBe(200);
    expect(answered.body).toBe(errors);
  });

  it('passes other routes through (/health)', async () => {
    const asking = fetch(`http://127.0.0.1:${edge.port}/health`);
    await thread.arrived(1);
    thread.waiting[0]?.answer(200, '{"ok":true}');
    const answered = await asking;
    expect(answered.status).toBe(200);
    expect(await answered.text()).toBe('{"ok":true}');
  });

  it('while Pacer starts, acknowledges and holds what it takes, and hands it on once Bolt listens', async () => {
    const socketPath = join(tmpdir(), `pacer-edge-test-${randomUUID().slice(0, 8)}.sock`);
    let listening: () => void = () => undefined;
    const starting = busyThread(socketPath);
    const early = await startSlackEdge({
      port: 0,
      signingSecret,
      upstream: socketPath,
      upstreamReady: new Promise<void>((resolve) => (listening = resolve)),
      logger: { warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
    });
    try {
      const sender = createSlackSender({ appUrl: `http://127.0.0.1:${early.port}/slack/events`, signingSecret });
      const sent = await sender.slashCommand({ teamId: 'T0EDGE', userId: 'U0ANA', command: '/log', text: 'call 2', responseUrl: 'https://hooks.example/4' });
      expect(sent.status).toBe(200);
      await starting.listen();
      listening();
      await starting.arrived(1);
      expect(new URLSearchParams(starting.handed[0]?.body).get('text')).toBe('call 2');
      expect(warnings).toEqual([]);
    } finally {
      for (const { answer } of starting.waiting) answer(200);
      await early.close(1_000);
      await starting.close();
    }
  });

  it('on close, waits until an acknowledged command has reached the thread', async () => {
    await send.slashCommand({ teamId: 'T0EDGE', userId: 'U0ANA', command: '/log', text: 'call 1', responseUrl: 'https://hooks.example/3' });
    const closing = edge.close(5_000);
    await thread.arrived(1);
    thread.waiting[0]?.answer(200);
    await closing;
    expect(thread.handed).toHaveLength(1);
  });
});
