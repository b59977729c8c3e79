import type { FetchFunction } from '@slack/web-api';
import type { PacerMetrics } from './metrics.js';

/** `https://slack.com/api/chat.postMessage` → `chat.postMessage`; file uploads and response_url by kind. */
export function slackMethodOf(url: string | URL): string {
  const path = typeof url === 'string' ? safePath(url) : url.pathname;
  const method = /\/api\/([A-Za-z0-9_.]+)$/.exec(path)?.[1];
  if (method) return method;
  return path.includes('/upload/') ? 'file_upload' : 'response_url';
}

function safePath(url: string): string {
  return URL.canParse(url) ? new URL(url).pathname : url;
}

/**
 * The `fetch` every Slack call goes through, counted and timed by method. The WebClient has no
 * per-call hook, but takes a `fetch` (web-api 8, `WebClientOptions.fetch`); Bolt hands
 * `clientOptions.fetch` to every client it makes and uses it for `respond()` too.
 * A call Slack answers `{ok: false}` is an error too: the body is read from a copy, after the
 * caller has its answer. https://docs.slack.dev/reference/methods
 */
export function observedFetch(metrics: PacerMetrics, fetchFn: typeof fetch = globalThis.fetch): FetchFunction {
  return async (url, init) => {
    const method = slackMethodOf(url);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    let response: Response;
    try {
      response = await fetchFn(url, init);
    } catch (error) {
      metrics.slackApiCall(method, seconds(), error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network');
      throw error;
    }
    if (response.status !== 200) {
      metrics.slackApiCall(method, seconds(), response.status === 429 ? 'ratelimited' : `http_${response.status}`);
      return response;
    }
    metrics.slackApiCall(method, seconds(), undefined);
    if (response.headers.get('content-type')?.includes('json')) {
      void response
        .clone()
        .json()
        .then((body: unknown) => {
          const answer = typeof body === 'object' && body !== null ? (body as { ok?: unknown; error?: unknown }) : {};
          if (answer.ok === false) metrics.slackApiError(method, typeof answer.error === 'string' ? answer.error : 'unknown');
        })
        .catch(() => undefined);
    }
    return response;
  };
}
