/** Error names AWS Organizations uses for throttling and transient faults. */
const RETRYABLE = new Set([
  'TooManyRequestsException', 'ThrottlingException', 'Throttling', 'RequestLimitExceeded',
  'ServiceException', 'InternalFailure', 'ServiceUnavailable', 'ConcurrentModificationException',
]);

/** Node.js and SDK network failures: the request may not have reached AWS, so trying again is safe for these reads. */
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED']);
const TRANSIENT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'NetworkingError', 'AbortError']);

export interface RetryOptions {
  /** Attempts in all, including the first. */
  readonly attempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Injectable for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export function isRetryable(e: unknown): boolean {
  const err = e as { name?: string; code?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  return RETRYABLE.has(err?.name ?? '') || TRANSIENT_NAMES.has(err?.name ?? '') || TRANSIENT_CODES.has(err?.code ?? '')
    || err?.$retryable !== undefined || (err?.$metadata?.httpStatusCode ?? 0) >= 500;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Retries throttled and transient failures with capped exponential backoff and
 * full jitter (Organizations allows only a few requests per second per account).
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8;
  const base = options.baseDelayMs ?? 200;
  const max = options.maxDelayMs ?? 10_000;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= attempts || !isRetryable(e)) throw e;
      await sleep(Math.floor(random() * Math.min(max, base * 2 ** (attempt - 1))));
    }
  }
}

/** Runs async tasks with at most `limit` in flight. */
export function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  // Below 1 nothing would ever run: every caller would wait forever.
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be an integer of at least 1, got ${limit}`);
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (active >= limit || queue.length === 0) return;
    active++;
    queue.shift()!();
  };
  return <T>(task: () => Promise<T>) => new Promise<T>((resolve, reject) => {
    queue.push(() => {
      task().then(resolve, reject).finally(() => {
        active--;
        next();
      });
    });
    next();
  });
}
