/**
 * Guards shared by every part of the library that calls AWS in a loop (the
 * deploy-time custom resources and the audit): which failures are worth
 * retrying, a page loop that cannot spin forever, a concurrency that cannot
 * stall, and messages that fit where CloudFormation shows them.
 */

/** Error names AWS services use for throttling and transient faults. */
const TRANSIENT_NAMES = new Set([
  'TooManyRequestsException', 'ThrottlingException', 'Throttling', 'RequestLimitExceeded',
  'ServiceException', 'InternalFailure', 'ServiceUnavailable', 'ConcurrentModificationException',
  // The SDK's own names for a request that timed out or lost its connection.
  'TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'NetworkingError', 'AbortError', 'CallTimeoutError',
]);

/**
 * Node.js network error codes of a connection that failed or broke before a
 * response arrived: the request may be repeated safely (every call retried
 * here is a read).
 */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EHOSTDOWN',
]);

/**
 * True for throttling, server faults (HTTP 5xx and 429), errors the SDK marks
 * retryable, and network failures (a reset connection, a DNS hiccup, a socket
 * timeout). Clients are created with `maxAttempts: 1`, so nothing else retries them.
 *
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
export function isTransientError(e: unknown): boolean {
  const err = e as { name?: string; code?: string; errno?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (err === null || typeof err !== 'object') return false;
  const status = err.$metadata?.httpStatusCode ?? 0;
  if (TRANSIENT_NAMES.has(err.name ?? '') || err.$retryable !== undefined || status >= 500 || status === 429) return true;
  if (TRANSIENT_NETWORK_CODES.has(err.code ?? '') || TRANSIENT_NETWORK_CODES.has(err.errno ?? '')) return true;
  // fetch-style errors wrap the network error as their cause.
  const cause = err.cause as { code?: string } | undefined;
  return typeof cause === 'object' && cause !== null && TRANSIENT_NETWORK_CODES.has(cause.code ?? '');
}

/** Error names of a call that took too long: the SDK's own and `CallTimeoutError`. */
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'CallTimeoutError']);

/**
 * True for a call that did not answer in time (the SDK's request or connection
 * timeout, a socket `ETIMEDOUT`, or `withTimeout`). Retried fewer times than
 * throttling: an endpoint that does not answer once rarely answers the next time.
 */
export function isTimeoutError(e: unknown): boolean {
  const err = e as { name?: string; code?: string; cause?: { code?: string } };
  if (err === null || typeof err !== 'object') return false;
  return TIMEOUT_NAMES.has(err.name ?? '') || err.code === 'ETIMEDOUT' || (typeof err.cause === 'object' && err.cause?.code === 'ETIMEDOUT');
}

/** A call that did not settle within its time limit. */
export class CallTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallTimeoutError';
  }
}

/**
 * The call's promise, or a `CallTimeoutError` once `ms` pass without it
 * settling: a custom API or a connection that never answers cannot hang the
 * caller. The timer does not keep the process alive.
 */
export function withTimeout<T>(fn: () => Promise<T>, ms: number, what: string): Promise<T> {
  if (!(ms > 0) || !Number.isFinite(ms)) return fn();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new CallTimeoutError(`${what} did not answer within ${ms} ms`)), ms);
    timer.unref?.();
    let settled: Promise<T>;
    try {
      settled = Promise.resolve(fn());
    } catch (e) {
      settled = Promise.reject(e);
    }
    settled.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

/** An answer that does not have the shape the API promises (a missing field, a wrong type, a null entry). */
export class MalformedAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedAnswerError';
  }
}

/** A listing that does not end: the same page token twice, or more pages than any organization has. */
export class PageLoopError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageLoopError';
  }
}

/** More pages than any Organizations listing has (1,000 OUs or accounts at 20 a page is 50 pages). */
export const MAX_PAGES = 1000;

/**
 * Every item of a paginated listing, reading page after page while a token
 * comes back. A token seen before, or more than `maxPages` pages, throws a
 * `PageLoopError` instead of looping for ever.
 */
export async function collectPages<T>(
  fetchPage: (token?: string) => Promise<{ readonly items: readonly T[]; readonly nextToken?: string }>,
  what: string, maxPages = MAX_PAGES,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(token);
    if (page === null || typeof page !== 'object' || !Array.isArray(page.items)) throw new MalformedAnswerError(`${what}: the answer is not a page of items`);
    items.push(...page.items);
    token = page.nextToken;
    if (!token) return items;
    if (seen.has(token)) throw new PageLoopError(`${what}: the service returned the page token ${JSON.stringify(token.slice(0, 40))} twice; stopped reading rather than loop`);
    seen.add(token);
    if (pages >= maxPages) throw new PageLoopError(`${what}: more than ${maxPages} pages; stopped reading rather than loop`);
  }
}

/**
 * A concurrency setting that work can progress with: a whole number of at
 * least 1. Zero (or NaN) would queue every task behind a slot that never opens.
 */
export function concurrencyProblem(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return undefined;
  return `concurrency must be an integer of at least 1, got ${JSON.stringify(value)}`;
}

/**
 * CloudFormation accepts custom resource responses of at most 4,096 bytes,
 * reason included; a longer one fails the stack with an unrelated error. The
 * provider framework adds the request IDs and a log link, so messages are
 * kept well below: at most `max` characters, cut at a `; ` boundary where one
 * is near, saying how much was left out.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html
 */
export const MAX_REASON_CHARS = 2000;

export function boundedMessage(message: string, max = MAX_REASON_CHARS): string {
  if (message.length <= max) return message;
  const room = max - 60;
  const cut = message.lastIndexOf('; ', room);
  const kept = message.slice(0, cut > room / 2 ? cut : room);
  return `${kept} … (${message.length - kept.length} more characters; see the function's log)`;
}
