/**
 * When the server sheds load (ADR 0055) it answers 503 `server.database_busy` or
 * `server.long_requests_busy` with a Retry-After, before the request touched the database. A
 * read refused that way is sent again after the wait the server names, a few times, so a person
 * on a busy server sees a slower page rather than an error. Writes are never sent again here:
 * the person sees the refusal and decides (a form keeps what they typed).
 */
const BUSY_CODES = new Set(['server.database_busy', 'server.long_requests_busy']);

/** At most this many repeats of one read, each after the server's Retry-After. */
export const BUSY_RETRIES = 2;

/** A Retry-After longer than this is not waited out behind a spinner: the error shows instead. */
const LONGEST_WAIT_MS = 8_000;

/**
 * How long to wait before sending the read again, or null when it should not be sent again.
 * `jitter` (0–1) spreads the repeats of many browsers refused in the same second.
 */
export function busyRetryDelayMs(
  method: string,
  status: number,
  code: string | undefined,
  retryAfter: string | null,
  attempt: number,
  jitter: number,
): number | null {
  if (method !== 'GET' || status !== 503 || !code || !BUSY_CODES.has(code) || attempt >= BUSY_RETRIES) return null;
  const seconds = Number(retryAfter);
  const waitMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
  if (waitMs > LONGEST_WAIT_MS) return null;
  return Math.round(waitMs * (1 + 0.5 * jitter));
}

/** Waits `ms`, or rejects with the signal's AbortError as soon as the request is cancelled. */
export function waitUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
