/**
 * IAM wildcard matching: `*` matches any run of characters (including none),
 * `?` exactly one. Compiled to a regular expression once per pattern.
 */
const cache = new Map<string, RegExp>();

function compile(pattern: string, caseInsensitive: boolean): RegExp {
  const key = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const body = pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
    re = new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
    if (cache.size > 10_000) cache.clear();
    cache.set(key, re);
  }
  return re;
}

export function wildcardMatch(pattern: string, value: string, caseInsensitive = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return caseInsensitive ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  return compile(pattern, caseInsensitive).test(value);
}

/** Splits an ARN into its six parts; the resource part keeps any further colons. */
export function splitArn(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
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
