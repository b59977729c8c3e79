import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidSlackRequest } from '@slack/bolt/dist/receivers/verify-request.js';

/** Bolt's own limit on a request body (HTTPModuleFunctions' defaultBodyLimit, 10 MB). */
const bodyLimit = 10 * 1024 * 1024;
/** Headers about one hop, not the request: the edge sets its own towards Pacer's thread. */
const hopHeaders = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'proxy-connection', 'upgrade']);

export interface SlackEdgeOptions {
  port: number;
  signingSecret: string;
  /** The Unix socket Bolt listens on, in Pacer's thread. */
  upstream: string;
  /** Settles once Bolt listens there: requests taken before wait for it (a failed start drops them). */
  upstreamReady: Promise<unknown>;
  logger: { warn(message: string): void; error(message: string): void };
}

export interface SlackEdge {
  port: number;
  /** Stops taking requests, then waits (up to `timeoutMs`) until those taken have reached Pacer's thread. */
  close(timeoutMs: number): Promise<void>;
}

/**
 * The HTTP server Slack talks to, on the main thread, in front of Bolt in Pacer's thread. A signed
 * slash command or event is acknowledged here at once (their listeners ack with no content) and
 * then handed on; everything else (forms, whose ack carries errors; menus; OAuth; /health, /ready,
 * /metrics; anything unsigned, which Bolt refuses with 401) is passed through and answered by Bolt.
 * So a rep's ack never waits behind another command's database work, whatever Pacer's thread is doing.
 */
export async function startSlackEdge(options: SlackEdgeOptions): Promise<SlackEdge> {
  const handing = new Set<Promise<void>>();

  /** Sends the request on to Bolt; its answer goes to `res`, or is only checked when the edge answered already. */
  async function handOn(req: IncomingMessage, body: Buffer, res: ServerResponse | null): Promise<void> {
    const headers = { ...endToEnd(req.headers), 'content-length': String(body.length) };
    await options.upstreamReady.catch(() => undefined);
    return new Promise<void>((resolve) => {
      // A connection a request: on a Unix socket it costs little, and a kept-alive one can be
      // closed by Bolt's server just as it is reused (ECONNRESET), losing an acknowledged command.
      const upstream = request({ agent: false, socketPath: options.upstream, method: req.method, path: req.url, headers }, (answer) => {
        if (res === null) {
          if ((answer.statusCode ?? 500) >= 400) options.logger.warn(`Pacer's thread answered ${answer.statusCode} to an acknowledged request on ${req.url}`);
          answer.resume();
          answer.once('end', resolve);
        } else {
          const length = answer.headers['content-length'];
          res.writeHead(answer.statusCode ?? 502, { ...endToEnd(answer.headers), ...(length === undefined ? {} : { 'content-length': length }) });
          answer.pipe(res);
          answer.once('end', resolve);
        }
        answer.once('error', () => resolve());
      });
      upstream.once('error', (error) => {
        options.logger.error(`Could not hand a request on ${req.url} to Pacer's thread: ${error.message}`);
        if (res !== null && !res.headersSent) res.writeHead(502).end();
        resolve();
      });
      upstream.end(body);
    });
  }

  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        const early = req.method === 'POST' && pathOf(req.url) === '/slack/events' && acknowledgedAtOnce(req.headers, body, options.signingSecret);
        if (early) res.writeHead(200).end();
        const handed = handOn(req, body, early ? null : res);
        handing.add(handed);
        void handed.then(() => handing.delete(handed));
      },
      () => res.writeHead(413).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close(timeoutMs) {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([closed, ...handing]),
        new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
      server.closeAllConnections();
    },
  };
}

/** A slash command or an Events API event, correctly signed: Slack gets its empty 200 from the edge. */
function acknowledgedAtOnce(headers: IncomingHttpHeaders, body: Buffer, signingSecret: string): boolean {
  const text = body.toString('utf8');
  const signature = headers['x-slack-signature'];
  const timestamp = Number(headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !isValidSlackRequest({ signingSecret, body: text, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } })) {
    return false;
  }
  const contentType = headers['content-type'] ?? '';
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(text);
    return form.has('command') && !form.has('ssl_check');
  }
  if (contentType.startsWith('application/json')) {
    try {
      return (JSON.parse(text) as { type?: unknown }).type === 'event_callback';
    } catch {
      return false;
    }
  }
  return false;
}

/** The headers about the request or answer itself, without those about one hop. */
function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopHeaders.has(name)));
}

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > bodyLimit) {
        req.destroy();
        reject(new Error('body too large'));
      } else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
