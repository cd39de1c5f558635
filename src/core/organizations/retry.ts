import { isTimeoutError, isTransientError } from './call-guards';

export interface RetryOptions {
  /** Attempts in all, including the first. */
  readonly attempts?: number;
  /**
   * Timeouts tolerated before giving up: fewer than throttled attempts, so an
   * endpoint that never answers costs at most this many time limits. @default 2
   */
  readonly timeoutAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Injectable for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** Throttling, server faults and network failures: see `isTransientError`, shared with the deploy-time handlers. */
export function isRetryable(e: unknown): boolean {
  return isTransientError(e);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Retries throttled and transient failures with capped exponential backoff and
 * full jitter (Organizations allows only a few requests per second per account).
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8;
  const timeoutAttempts = Math.min(attempts, options.timeoutAttempts ?? 2);
  const base = options.baseDelayMs ?? 200;
  const max = options.maxDelayMs ?? 10_000;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  let timeouts = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (isTimeoutError(e)) timeouts++;
      if (attempt >= attempts || !isRetryable(e) || timeouts >= timeoutAttempts) throw e;
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
