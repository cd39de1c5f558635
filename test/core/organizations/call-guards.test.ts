import { boundedMessage, collectPages, concurrencyProblem, isTransientError, PageLoopError } from '../../../src/core/organizations/call-guards';

describe('isTransientError', () => {
  test.each<[string, unknown, boolean]>([
    ['throttling', { name: 'TooManyRequestsException' }, true],
    ['a 5xx', { name: 'X', $metadata: { httpStatusCode: 503 } }, true],
    ['a 429', { name: 'X', $metadata: { httpStatusCode: 429 } }, true],
    ['marked retryable by the SDK', { name: 'X', $retryable: {} }, true],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true],
    ['a DNS hiccup', Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' }), true],
    ['a socket timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' }), true],
    ['a wrapped network error', Object.assign(new TypeError('fetch failed'), { cause: { code: 'ETIMEDOUT' } }), true],
    ['access denied', { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }, false],
    ['a missing resource', { name: 'TargetNotFoundException', $metadata: { httpStatusCode: 400 } }, false],
    ['a bug', new TypeError('x is undefined'), false],
    ['not an object', 'ECONNRESET', false],
  ])('%s: %s', (_name, error, expected) => {
    expect(isTransientError(error)).toBe(expected);
  });
});

describe('collectPages', () => {
  test('reads until no token comes back', async () => {
    const pages: Record<string, { items: number[]; nextToken?: string }> = { '': { items: [1], nextToken: 'a' }, 'a': { items: [2], nextToken: 'b' }, 'b': { items: [3] } };
    await expect(collectPages((t) => Promise.resolve(pages[t ?? '']), 'numbers')).resolves.toEqual([1, 2, 3]);
  });

  test('a token seen before stops the loop', async () => {
    let calls = 0;
    const err = await collectPages((t) => { calls++; return Promise.resolve({ items: [1], nextToken: t === 'a' ? 'b' : 'a' }); }, 'numbers').catch((e) => e);
    expect(err).toBeInstanceOf(PageLoopError);
    expect(err.message).toBe('numbers: the service returned the page token "a" twice; stopped reading rather than loop');
    expect(calls).toBe(3);
  });

  test('ever-new tokens stop at the page bound', async () => {
    let n = 0;
    await expect(collectPages(() => Promise.resolve({ items: [n], nextToken: String(++n) }), 'numbers', 10))
      .rejects.toThrow('numbers: more than 10 pages; stopped reading rather than loop');
    expect(n).toBe(10);
  });
});

test('concurrencyProblem accepts whole numbers of at least 1 only', () => {
  expect([1, 4, 100].map(concurrencyProblem)).toEqual([undefined, undefined, undefined]);
  for (const bad of [0, -1, 2.5, Number.NaN, '4', undefined]) expect(concurrencyProblem(bad)).toMatch(/concurrency must be an integer of at least 1/);
});

test('boundedMessage keeps short messages and cuts long ones at a "; " boundary', () => {
  expect(boundedMessage('short')).toBe('short');
  const long = Array.from({ length: 100 }, (_, i) => `target ${i} is over`).join('; ');
  const cut = boundedMessage(long, 300);
  expect(cut.length).toBeLessThanOrEqual(300);
  expect(cut).toMatch(/^target 0 is over; .*is over … \(\d+ more characters; see the function's log\)$/);
});
