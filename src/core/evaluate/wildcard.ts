/**
 * IAM wildcard matching: `*` matches any run of characters (including none),
 * `?` exactly one. Compiled to a regular expression once per pattern.
 */
// One cache per case mode, so a lookup needs no key built per call (the audit matches millions).
const caseSensitive = new Map<string, RegExp>();
const caseInsensitive = new Map<string, RegExp>();

function compile(pattern: string, ignoreCase: boolean): RegExp {
  const cache = ignoreCase ? caseInsensitive : caseSensitive;
  let re = cache.get(pattern);
  if (!re) {
    const body = pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    if (cache.size > 10_000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  return compile(pattern, ignoreCase).test(value);
}

const splitCache = new Map<string, readonly string[] | null>();

/**
 * Splits an ARN into its six parts; the resource part keeps any further colons. The same ARNs
 * (patterns and probe resources) are split again and again, so results are cached, frozen.
 */
export function splitArn(arn: string): readonly string[] | undefined {
  let parts = splitCache.get(arn);
  if (parts === undefined) {
    const all = arn.split(':');
    parts = all.length < 6 || all[0] !== 'arn' ? null : Object.freeze([...all.slice(0, 5), all.slice(5).join(':')]);
    if (splitCache.size > 10_000) splitCache.clear();
    splitCache.set(arn, parts);
  }
  return parts ?? undefined;
}

/**
 * ARN matching as IAM does it for `ArnLike` and the `Resource` element: each
 * of the six colon-separated parts is matched on its own, so a wildcard never
 * spans a colon into the next part (except inside the resource part).
 */
export function arnMatch(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const p = splitArn(pattern);
  const a = splitArn(arn);
  if (!p || !a) return false;
  return p.every((part, i) => wildcardMatch(part, a[i]));
}
