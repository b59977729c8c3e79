/**
 * The Slack side of `test/bench/nudges.ts`, in a worker thread of its own so that it does not
 * share the app's event loop (as ack.ts runs the app in its own process): the stand-in Web API
 * behind a proxy that holds every request `latencyMs` before passing it on (a Slack that answers
 * in 50 ms), and a driver that sends signed `/log` commands at a steady rate and times each
 * acknowledgement. Everything listens on and talks to 127.0.0.1 only.
 */
import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createSlackSender } from '../../src/stand-in/signed-requests.js';
import { startSlackStandIn, standInIdentity, type StandInUser } from '../../src/stand-in/slack-web-api.js';

export interface SlowSlackOptions {
  latencyMs: number;
  users: StandInUser[];
}

export interface LogRun {
  appUrl: string;
  signingSecret: string;
  userIds: string[];
  /** Commands a second, sent on a fixed schedule whether or not earlier ones were answered. */
  rate: number;
  /** Bounds: at most this many commands, for at most this long. */
  max: number;
  maxMs: number;
  command?: string;
  text?: string;
}

export interface LogResult {
  /** Acknowledgement times in ms (HTTP answer time), in sending order. */
  ackMs: number[];
  /** When each of those commands was sent: epoch ms, same order. */
  sentAt: number[];
  /** Commands answered other than 200, or that failed outright. */
  failures: number;
  /** Commands with no answer within `answerTimeoutMs` (counted in `ackMs` as that long). */
  timedOut: number;
  /** Replies the app posted to the commands' response_urls by the time the run was collected. */
  replies: number;
}

/** Each Web API method's (and `response_url`'s) calls through the proxy: [arrived, answered], epoch ms. */
export type AnsweredCalls = Record<string, [number, number][]>;

type ToWorker =
  | { type: 'logs'; id: number; run: LogRun }
  | { type: 'stop-logs' }
  | { type: 'answered'; id: number }
  | { type: 'close'; id: number };

type FromWorker =
  | { type: 'ready'; apiUrl: string }
  | { type: 'logs'; id: number; result: LogResult }
  | { type: 'answered'; id: number; calls: AnsweredCalls }
  | { type: 'closed'; id: number }
  | { type: 'failed'; error: string };

/** A command not acknowledged by then is given up on (Slack itself gives up after 3 s). */
const answerTimeoutMs = 30_000;

/** Milliseconds since the epoch, comparable across threads, to a fraction of a ms. */
export const epochMs = (): number => performance.timeOrigin + performance.now();

export interface SlowSlack {
  /** Base for `slackApiUrl` (the proxy's), with its trailing slash. */
  apiUrl: string;
  /** Starts a stream of `/log` commands; resolves with their acks once `stopLogs()` is called or a bound is hit. */
  logs(run: LogRun): Promise<LogResult>;
  stopLogs(): void;
  answered(): Promise<AnsweredCalls>;
  close(): Promise<void>;
}

/** Starts the worker (this same file) and waits for its servers. */
export async function startSlowSlack(options: SlowSlackOptions): Promise<SlowSlack> {
  // Worker threads do not inherit tsx's loader: the worker imports this file through tsx's API.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const self = import.meta.url;
  const worker = new Worker(`import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)}))`, {
    eval: true,
    workerData: { slowSlack: options },
  });
  const waiting = new Map<number, (message: FromWorker) => void>();
  let nextId = 0;
  let failure: Error | undefined;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const apiUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Slack worker did not start in 30 s')), 30_000);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.apiUrl);
      } else if (message.type === 'failed') {
        failure = new Error(`Slack worker: ${message.error}`);
        clearTimeout(timer);
        reject(failure);
      } else {
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
      }
    });
    worker.once('error', (error) => {
      failure = error;
      clearTimeout(timer);
      reject(error);
    });
  });
  const ask = <T extends FromWorker>(message: ToWorker & { id: number }, timeoutMs: number): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure);
      const timer = setTimeout(() => {
        waiting.delete(message.id);
        reject(new Error(`the Slack worker did not answer ${message.type} in ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.set(message.id, (answer) => {
        clearTimeout(timer);
        resolve(answer as T);
      });
      worker.postMessage(message);
    });
  return {
    apiUrl,
    logs: async (run) => (await ask<Extract<FromWorker, { type: 'logs' }>>({ type: 'logs', id: ++nextId, run }, run.maxMs + 30_000)).result,
    stopLogs: () => worker.postMessage({ type: 'stop-logs' } satisfies ToWorker),
    answered: async () => (await ask<Extract<FromWorker, { type: 'answered' }>>({ type: 'answered', id: ++nextId }, 10_000)).calls,
    async close() {
      await ask({ type: 'close', id: ++nextId }, 10_000).catch(() => undefined);
      // Requests still open (an app that never answered) would keep the worker alive.
      const timer = setTimeout(() => void worker.terminate(), 2_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A proxy that holds each request `latencyMs` after it has arrived, then forwards it to `target`. */
async function startLatencyProxy(target: URL, latencyMs: number, onAnswered: (method: string, arrived: number, answered: number) => void) {
  // A fresh connection to the stand-in each time: no idle socket closed under a request.
  const agent = new Agent({ keepAlive: false });
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    const path = req.url ?? '/';
    const method = /^\/api\/([\w.]+)/.exec(path)?.[1] ?? (path.startsWith('/response/') ? 'response_url' : path);
    const arrived = epochMs();
    res.once('finish', () => onAnswered(method, arrived, epochMs()));
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      const body = Buffer.concat(chunks);
      const timer = setTimeout(() => {
        timers.delete(timer);
        const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
        delete headers['transfer-encoding'];
        const upstream = request({ host: target.hostname, port: target.port, path, method: req.method, headers, agent }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.once('error', () => {
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
        upstream.end(body);
      }, latencyMs);
      timers.add(timer);
    });
  });
  // The app's event loop may stall for seconds; an idle socket the server closed meanwhile would
  // be reused by the app's client and fail ("other side closed"). Keep idle sockets for the run.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

async function runWorker(options: SlowSlackOptions): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const slack = await startSlackStandIn({ users: options.users });
  const standInBase = new URL(slack.url).origin;
  const answered: AnsweredCalls = {};
  const proxy = await startLatencyProxy(new URL(standInBase), options.latencyMs, (method, arrived, at) => {
    (answered[method] ??= []).push([arrived, at]);
  });
  let stop: (() => void) | undefined;

  async function logs(run: LogRun): Promise<LogResult> {
    const send = createSlackSender({ appUrl: run.appUrl, signingSecret: run.signingSecret });
    const gapMs = 1000 / run.rate;
    const started = performance.now();
    const ackMs: number[] = [];
    const sentAt: number[] = [];
    const responseUrls = new Set<string>();
    let failures = 0;
    let timedOut = 0;
    let stopped = false;
    const stoppedEarly = new Promise<void>((resolve) => {
      stop = () => {
        stopped = true;
        resolve();
      };
    });
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < run.max && !stopped && performance.now() - started < run.maxMs; i += 1) {
      const dueAt = started + i * gapMs;
      const wait = dueAt - performance.now();
      if (wait > 0) await Promise.race([new Promise((resolve) => setTimeout(resolve, wait)), stoppedEarly]);
      if (stopped) break;
      // The reply goes through the proxy too; the stand-in records it under its own address.
      const standInUrl = slack.responseUrl();
      responseUrls.add(standInUrl);
      const responseUrl = standInUrl.replace(standInBase, proxy.base);
      const userId = run.userIds[i % run.userIds.length] ?? 'U0BENCH';
      const index = i;
      sentAt[index] = epochMs();
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), answerTimeoutMs);
      });
      const sent = send.slashCommand({ teamId: standInIdentity.teamId, userId, command: run.command ?? '/log', text: run.text ?? 'call 1', responseUrl });
      inFlight.push(
        Promise.race([sent, gaveUp])
          .then((answer) => {
            if (answer === 'timeout') {
              timedOut += 1;
              ackMs[index] = answerTimeoutMs;
            } else if (answer.status === 200) ackMs[index] = answer.elapsedMs;
            else failures += 1;
          })
          .catch(() => {
            failures += 1;
          })
          .finally(() => clearTimeout(timer)),
      );
    }
    stop = undefined;
    await Promise.all(inFlight);
    const replies = slack.callsTo('response_url').filter((call) => call.url !== undefined && responseUrls.has(call.url)).length;
    const answeredAt = [...ackMs.keys()].filter((i) => ackMs[i] !== undefined);
    return { ackMs: answeredAt.map((i) => ackMs[i] ?? 0), sentAt: answeredAt.map((i) => sentAt[i] ?? 0), failures, timedOut, replies };
  }

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'logs':
        void logs(message.run).then(
          (result) => port.postMessage({ type: 'logs', id: message.id, result } satisfies FromWorker),
          (error: unknown) => port.postMessage({ type: 'failed', error: String(error) } satisfies FromWorker),
        );
        break;
      case 'stop-logs':
        stop?.();
        break;
      case 'answered':
        port.postMessage({ type: 'answered', id: message.id, calls: answered } satisfies FromWorker);
        break;
      case 'close':
        stop?.();
        void Promise.all([proxy.close(), slack.close()]).finally(() => {
          port.postMessage({ type: 'closed', id: message.id } satisfies FromWorker);
          port.close();
        });
        break;
    }
  });
  port.postMessage({ type: 'ready', apiUrl: `${proxy.base}/api/` } satisfies FromWorker);
}

const data = workerData as { slowSlack?: SlowSlackOptions } | undefined;
if (!isMainThread && data?.slowSlack) {
  runWorker(data.slowSlack).catch((error: unknown) => parentPort?.postMessage({ type: 'failed', error: String(error) } satisfies FromWorker));
}
