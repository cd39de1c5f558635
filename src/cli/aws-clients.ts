/**
 * How every AWS SDK v3 client the command line builds is configured: a
 * connection timeout, a request timeout and a bounded number of attempts, so
 * an endpoint that accepts the connection and never answers costs seconds,
 * not the minutes the SDK's defaults allow (it sets no request timeout).
 *
 * The handler options are passed as a plain object: the SDK builds its own
 * HTTP handler from them (the HTTP/1.1 one for most services, the HTTP/2 one
 * for Bedrock Runtime, which reads `requestTimeout` and ignores the others),
 * so the CLI needs no HTTP handler package of its own. Current SDK releases
 * only log a request that overruns `requestTimeout` unless
 * `throwOnRequestTimeout` is set, so it is.
 *
 * @see https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-configuring-maxsockets.html
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */

/** Request timeout when the user gives none: long enough for a slow page of a large organization. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** A TCP connection to an AWS endpoint takes milliseconds; more than this means it will not come. */
export const MAX_CONNECTION_TIMEOUT_MS = 5_000;
/** Attempts per call when the SDK retries by itself (the Organizations client sets 1: the audit retries). */
export const DEFAULT_MAX_ATTEMPTS = 3;

export interface SdkClientSettings {
  readonly region: string;
  /** Time limit of one request, in milliseconds. @default DEFAULT_TIMEOUT_MS */
  readonly timeoutMs?: number;
  /** SDK attempts per call, the first included. @default DEFAULT_MAX_ATTEMPTS */
  readonly maxAttempts?: number;
}

/** The configuration object to pass to any SDK v3 client constructor. */
export interface SdkClientOptions {
  readonly region: string;
  readonly maxAttempts: number;
  readonly requestHandler: {
    readonly connectionTimeout: number;
    readonly requestTimeout: number;
    /** Current SDK releases only log an overrun `requestTimeout` unless this is set. */
    readonly throwOnRequestTimeout: true;
    /** Idle time on the socket (older SDK releases read `requestTimeout` this way). */
    readonly socketTimeout: number;
  };
}

/** Where a timeout or attempt count is unusable; callers turn it into a usage error. */
export function timeoutProblem(timeoutMs: unknown): string | undefined {
  if (typeof timeoutMs === 'number' && Number.isInteger(timeoutMs) && timeoutMs >= 1 && timeoutMs <= 600_000) return undefined;
  return `must be a whole number of milliseconds from 1 to 600000, got ${JSON.stringify(timeoutMs)}`;
}

/**
 * `new S3Client(sdkClientOptions({ region: 'ap-southeast-2' }))`: connection
 * timeout of at most 5 s, request timeout `timeoutMs`, `maxAttempts` attempts.
 * A timeout surfaces as the SDK's `TimeoutError`, which callers report as a
 * read failure (exit 2).
 */
export function sdkClientOptions(settings: SdkClientSettings): SdkClientOptions {
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const bad = timeoutProblem(timeoutMs);
  if (bad) throw new RangeError(`timeoutMs ${bad}`);
  const maxAttempts = settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 10) throw new RangeError(`maxAttempts must be an integer from 1 to 10, got ${maxAttempts}`);
  return {
    region: settings.region,
    maxAttempts,
    requestHandler: {
      connectionTimeout: Math.min(timeoutMs, MAX_CONNECTION_TIMEOUT_MS),
      requestTimeout: timeoutMs,
      throwOnRequestTimeout: true,
      socketTimeout: timeoutMs,
    },
  };
}
