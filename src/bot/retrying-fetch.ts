/**
 * Retries Bot API calls at the level of `fetch`: on 429 after `retry_after`,
 * on 5xx and network errors with a short backoff.
 *
 * Why not @grammyjs/auto-retry here: it is an API transformer, and inside a
 * grammY conversation transformers sit *outside* the conversation's call
 * recorder, so a recorded 429 is "retried" again (sleep included) every time
 * the conversation replays. grammY passes client options, `fetch` among them,
 * to the conversation's own Api: a retry here happens below the recorder, once.
 */

export interface RetryOptions {
  /** attempts after the first; default 3 */
  maxRetries?: number;
  /** longest retry_after we wait for, in seconds (longer: give the 429 back); default 30 */
  maxRetryAfterSeconds?: number;
  /** backoff base for 5xx and network errors; default 500 ms, doubled per attempt */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The body must be readable again for a retry: buffer a stream (multipart uploads) once. */
async function replayableInit(init: RequestInit | undefined): Promise<RequestInit | undefined> {
  const body = init?.body as unknown;
  if (body === undefined || body === null || typeof body === "string" || body instanceof Uint8Array)
    return init;
  if (typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === "function") {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    }
    return { ...init, body: Buffer.concat(chunks) };
  }
  return init;
}

export function retryingFetch(base: Fetch = fetch, options: RetryOptions = {}): Fetch {
  const maxRetries = options.maxRetries ?? 3;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 30;
  const backoff = options.backoffMs ?? 500;
  const sleep = options.sleep ?? defaultSleep;
  return async (input, init) => {
    const request = await replayableInit(init);
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= maxRetries;
      try {
        const response = await base(input, request);
        if (last) return response;
        if (response.status === 429) {
          const answer = (await response
            .clone()
            .json()
            .catch(() => ({}))) as { parameters?: { retry_after?: number } };
          const retryAfter = answer.parameters?.retry_after ?? 1;
          if (retryAfter > maxRetryAfter) return response;
          await sleep(retryAfter * 1000);
          continue;
        }
        if (response.status >= 500) {
          await sleep(backoff * 2 ** attempt);
          continue;
        }
        return response;
      } catch (error) {
        // An aborted request (the runner stopping, a timeout) is not retried.
        if (last || (error as Error).name === "AbortError" || request?.signal?.aborted) throw error;
        await sleep(backoff * 2 ** attempt);
      }
    }
  };
}
